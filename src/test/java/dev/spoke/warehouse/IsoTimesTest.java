package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IsoTimesTest {
    @Test
    void alwaysPrintsSecondsAndTheFractionInGroupsOfThree() {
        assertThat(IsoTimes.time(LocalTime.of(13, 45))).isEqualTo("13:45:00");
        assertThat(IsoTimes.time(LocalTime.of(13, 45, 0, 120_000_000))).isEqualTo("13:45:00.120");
        assertThat(IsoTimes.time(LocalTime.of(13, 45, 0, 123_456_000))).isEqualTo("13:45:00.123456");
        assertThat(IsoTimes.time(LocalTime.of(1, 2, 3, 123_456_789))).isEqualTo("01:02:03.123456789");
        assertThat(IsoTimes.time(LocalTime.of(0, 0, 0, 1_000))).isEqualTo("00:00:00.000001");
    }

    @Test
    void timestampsWithZoneAreUtcInstants() {
        assertThat(IsoTimes.instant(Instant.parse("2024-01-31T15:45:00.123456+02:00")))
                .isEqualTo("2024-01-31T13:45:00.123456Z");
        assertThat(IsoTimes.instant(Instant.parse("2024-01-31T13:45:00Z"))).isEqualTo("2024-01-31T13:45:00Z");
    }

    @Test
    void timestampsWithoutZoneHaveNoOffset() {
        assertThat(IsoTimes.localDateTime(LocalDateTime.of(2024, 1, 31, 13, 45))).isEqualTo("2024-01-31T13:45:00");
    }

    @Test
    void datesAndTimesWithOffset() {
        assertThat(IsoTimes.date(LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
        assertThat(IsoTimes.time(OffsetTime.of(13, 45, 0, 0, ZoneOffset.ofHours(2)))).isEqualTo("13:45:00+02:00");
        assertThat(IsoTimes.time(OffsetTime.of(13, 45, 0, 0, ZoneOffset.UTC))).isEqualTo("13:45:00Z");
    }
}
