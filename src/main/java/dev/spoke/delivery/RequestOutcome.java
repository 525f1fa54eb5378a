package dev.spoke.delivery;

import dev.spoke.destination.DestinationException;

/** How one request to a destination ended, as reported to {@link DeliveryListener} (a metrics tag). */
public enum RequestOutcome {
    /** The destination answered (per-row outcomes or a job), whatever it said about each row. */
    SUCCEEDED,
    /**
     * The destination throttled the request (429, a 503 naming a wait, a vendor's throttling 403), or refused it
     * retryably with a 4xx (408, a 409 "still processing"): it is up. Never counts towards the circuit breaker.
     */
    THROTTLED,
    /** A retryable failure without a 4xx status: 5xx, timeout, connection reset. Counts towards the circuit breaker. */
    FAILED,
    /** The destination refused the batch for its content; the delivery layer bisects it. */
    BATCH_REJECTED,
    /** Sending more cannot help in this run (401, 403, 404, 410, a redirect). */
    FATAL;

    /** The outcome of a request that failed with {@code failure}. */
    public static RequestOutcome of(DestinationException failure) {
        return switch (failure.kind()) {
            case THROTTLED -> THROTTLED;
            case RETRYABLE -> failure.httpStatus() >= 400 && failure.httpStatus() < 500 ? THROTTLED : FAILED;
            case BATCH_REJECTED -> BATCH_REJECTED;
            case FATAL -> FATAL;
        };
    }
}
