package dev.spoke.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 text of dates and times, always with seconds and with the fraction in groups of three digits (none,
 * millis, micros or nanos, as the value needs): {@code 2024-01-31T13:45:00.123456Z}.
 */
final class IsoTimes {
    private IsoTimes() {
    }

    static String date(LocalDate date) {
        return date.toString();
    }

    static String time(LocalTime time) {
        StringBuilder text = new StringBuilder(18);
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2);
        return fraction(text, time.getNano()).toString();
    }

    static String time(OffsetTime time) {
        return time(time.toLocalTime()) + time.getOffset().getId();
    }

    /** A timestamp without time zone: local, without offset, since the database stores none. */
    static String localDateTime(LocalDateTime dateTime) {
        return date(dateTime.toLocalDate()) + "T" + time(dateTime.toLocalTime());
    }

    /** A timestamp with time zone: the instant, in UTC, with {@code Z}. */
    static String instant(Instant instant) {
        return localDateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z";
    }

    private static StringBuilder fraction(StringBuilder text, int nanos) {
        if (nanos == 0) {
            return text;
        }
        text.append('.');
        if (nanos % 1_000_000 == 0) {
            return pad(text, nanos / 1_000_000, 3);
        }
        if (nanos % 1_000 == 0) {
            return pad(text, nanos / 1_000, 6);
        }
        return pad(text, nanos, 9);
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
