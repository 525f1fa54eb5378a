package dev.spoke.config;

import java.time.Duration;

/** Writes a duration as users write one in YAML: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 30d}. */
final class DurationText {
    private DurationText() {
    }

    /**
     * @param duration the duration
     */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % Duration.ofDays(1).toMillis() == 0) {
            return duration.toDays() + "d";
        }
        if (millis != 0 && millis % Duration.ofHours(1).toMillis() == 0) {
            return duration.toHours() + "h";
        }
        if (millis != 0 && millis % Duration.ofMinutes(1).toMillis() == 0) {
            return duration.toMinutes() + "m";
        }
        if (millis % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return millis + "ms";
    }
}
