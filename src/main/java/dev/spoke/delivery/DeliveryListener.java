package dev.spoke.delivery;

import java.time.Duration;

/**
 * Hears what the delivery layer does, for metrics and logs. Every method has a no-op default, so an implementation
 * overrides only what it records. Called synchronously from the delivering threads (several at once): keep
 * implementations fast, thread-safe and free of exceptions.
 *
 * <p>{@code connection} is the connection's name in spoke.yml; {@code exportId} the export whose batch it was. For job
 * polls, {@code exportId} is the export the {@link Deliverer} last delivered a batch of to that destination, or an
 * empty string when it has not (a job left open by an earlier run).
 */
public interface DeliveryListener {

    /** Listens to nothing. */
    DeliveryListener NONE = new DeliveryListener() {
    };

    /**
     * A write request ended.
     *
     * @param httpStatus the status of a failed request, or -1 (succeeded, or failed without a response)
     */
    default void requestCompleted(
            String connection, String exportId, RequestOutcome outcome, int httpStatus, Duration latency) {
    }

    /**
     * A job status request ended.
     *
     * @param httpStatus the status of a failed request, or -1
     */
    default void jobPolled(String connection, String jobId, RequestOutcome outcome, int httpStatus, Duration latency) {
    }

    /**
     * A request is about to be repeated after {@code delay}.
     *
     * @param attempt the attempt that failed, 1 for the first
     * @param reason why: the failure, or the destination's reason for the rows it refused as retryable
     */
    default void retryScheduled(String connection, String exportId, int attempt, Duration delay, String reason) {
    }

    /**
     * The destination throttled a request, which is sent again after {@code wait} without spending an attempt.
     *
     * @param answer the destination's answer, e.g. {@code HTTP 429: slow down}
     */
    default void throttled(String connection, String exportId, Duration wait, String answer) {
    }

    /** A request waited for the client-side rate limit ({@code rate_limit:}) before it started. */
    default void rateLimitWaited(String connection, String exportId, Duration waited) {
    }

    /** A batch of {@code rows} rows the destination refused whole is being split in two. */
    default void batchBisected(String connection, String exportId, int rows, String reason) {
    }

    /** The connection looks down: nothing more is sent to it in this run. Called once per connection. */
    default void circuitOpened(String connection, int consecutiveFailures, String lastFailure) {
    }

    /** A destination answered a fatal failure: nothing more is sent to it in this run. Called once per destination. */
    default void destinationStopped(String connection, String exportId, String reason) {
    }

    /**
     * The destination throttled a request for longer than a run waits: nothing more is sent to the connection in
     * this run; what is left is deferred to the next run. Called once per connection.
     */
    default void connectionThrottledOut(String connection, String reason) {
    }

    /**
     * The destination refused a batch as too large (413): every later batch to it in this run is cut to at most
     * {@code rows} rows. Called each time the size is lowered.
     */
    default void batchSizeLowered(String connection, String exportId, int rows, String reason) {
    }
}
