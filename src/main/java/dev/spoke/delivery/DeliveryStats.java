package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What delivering one batch (or awaiting one job) cost.
 *
 * @param requests requests sent to the destination: writes (retries and bisection halves included) or polls
 * @param retries requests that were repeats of an earlier one (the whole batch, or the rows refused as retryable)
 * @param bisections times a batch the destination refused whole was split in two
 * @param waited time spent waiting: backoff, Retry-After, client-side rate limit, job polling intervals
 */
public record DeliveryStats(int requests, int retries, int bisections, Duration waited) {
    public static final DeliveryStats NONE = new DeliveryStats(0, 0, 0, Duration.ZERO);

    public DeliveryStats {
        requireNonNull(waited, "waited is null");
    }

    /** The sum of two, for totals per export or per run. */
    public DeliveryStats plus(DeliveryStats other) {
        return new DeliveryStats(
                requests + other.requests,
                retries + other.retries,
                bisections + other.bisections,
                waited.plus(other.waited));
    }
}
