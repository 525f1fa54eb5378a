package dev.spoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RequestSpacerTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    void theStricterOfTheTwoLimitsSetsTheInterval() {
        assertThat(RequestSpacer.of(Harness.rateLimited(OptionalDouble.of(10), OptionalLong.of(100), Duration.ofSeconds(10), 4))
                .interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(RequestSpacer.of(Harness.rateLimited(OptionalDouble.of(50), OptionalLong.of(100), Duration.ofSeconds(10), 4))
                .interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(RequestSpacer.of(Harness.rateLimited(OptionalDouble.of(0.5), OptionalLong.empty(), Duration.ofSeconds(1), 4))
                .interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(RequestSpacer.of(Harness.settings()).interval()).isEqualTo(Duration.ZERO);
    }

    @Test
    void reservationsQueueUpAndNeverPassTheLatestStart() {
        RequestSpacer spacer = new RequestSpacer(Duration.ofSeconds(1));
        Instant latest = T0.plusSeconds(2);

        assertThat(spacer.reserve(T0, latest)).contains(T0);
        assertThat(spacer.reserve(T0, latest)).contains(T0.plusSeconds(1));
        assertThat(spacer.reserve(T0, latest)).contains(T0.plusSeconds(2));
        assertThat(spacer.reserve(T0, latest)).isEmpty();
        assertThat(spacer.reserve(T0.plusSeconds(10), Instant.MAX)).contains(T0.plusSeconds(10));
    }

    @Test
    void aPauseHoldsBackEveryReservationUntilItEndsAndIsNeverShortened() {
        RequestSpacer unlimited = new RequestSpacer(Duration.ZERO);
        unlimited.pauseUntil(T0.plusSeconds(5));
        unlimited.pauseUntil(T0.plusSeconds(2));

        assertThat(unlimited.pausedAt(T0.plusSeconds(3))).isTrue();
        assertThat(unlimited.pauseLeft(T0.plusSeconds(3))).isEqualTo(Duration.ofSeconds(2));
        assertThat(unlimited.reserve(T0, Instant.MAX)).contains(T0.plusSeconds(5));
        assertThat(unlimited.reserve(T0, T0.plusSeconds(4))).as("a pause past the latest start").isEmpty();
        assertThat(unlimited.pausedAt(T0.plusSeconds(5))).isFalse();
        assertThat(unlimited.pauseLeft(T0.plusSeconds(5))).isZero();
        assertThat(unlimited.reserve(T0.plusSeconds(6), Instant.MAX)).contains(T0.plusSeconds(6));

        RequestSpacer spaced = new RequestSpacer(Duration.ofSeconds(1));
        spaced.pauseUntil(T0.plusSeconds(5));
        assertThat(spaced.reserve(T0, Instant.MAX)).contains(T0.plusSeconds(5));
        assertThat(spaced.reserve(T0, Instant.MAX)).as("still spaced after the pause").contains(T0.plusSeconds(6));
    }
}
