package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff: {@code initial_backoff} doubled per failed attempt, capped at {@code max_backoff}. Retries wait a
 * random time between zero and that ceiling ("full jitter"), so that several exports throttled at once do not come
 * back in step; job polls wait the ceiling itself (a poll is not competing with anyone).
 *
 * <p>Resilience4j's {@code IntervalFunction.ofExponentialRandomBackoff} randomises around the interval instead of
 * below it and would need its own cap arithmetic; the few lines here say exactly what the policy is.
 */
final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private final Random random;

    Backoff(Duration initial, Duration max, Random random) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.random = requireNonNull(random, "random is null");
    }

    /** The longest wait after failed attempt {@code attempt} (1 for the first): initial * 2^(attempt-1), capped. */
    Duration ceiling(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 62);
        long ceiling = initialNanos > (maxNanos >> shift) ? maxNanos : initialNanos << shift;
        return Duration.ofNanos(Math.min(ceiling, maxNanos));
    }

    /** A wait drawn uniformly from zero to {@link #ceiling(int)}. */
    Duration jittered(int attempt) {
        long ceiling = ceiling(attempt).toNanos();
        return ceiling == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}
