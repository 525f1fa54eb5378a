package dev.spoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(1));

    @Test
    void theCeilingDoublesUpToMaxBackoff() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(10_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterSpreadsWaitsBetweenZeroAndTheCeiling() {
        Duration smallest = Duration.ofDays(1);
        Duration largest = Duration.ZERO;
        for (int i = 0; i < 1000; i++) {
            Duration wait = backoff.jittered(4);
            assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(8));
            smallest = wait.compareTo(smallest) < 0 ? wait : smallest;
            largest = wait.compareTo(largest) > 0 ? wait : largest;
        }
        assertThat(smallest).isLessThan(Duration.ofSeconds(1));
        assertThat(largest).isGreaterThan(Duration.ofSeconds(7));
    }

    @Test
    void noBackoffWhenTheInitialBackoffIsZero() {
        assertThat(new Backoff(Duration.ZERO, Duration.ofSeconds(60), new Random(1)).jittered(3)).isEqualTo(Duration.ZERO);
    }
}
