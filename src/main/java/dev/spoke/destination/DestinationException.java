package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * A write that failed as a whole. The destination classifies the failure (it knows its API); the delivery layer
 * acts on the classification.
 */
public class DestinationException extends Exception {

    /** What the engine should do about a failed write. */
    public enum Kind {
        /**
         * Transient: throttled (429), server error (5xx), timeout, connection reset. Send the same batch again after
         * {@link #retryAfter()} or the engine's backoff.
         */
        RETRYABLE,
        /**
         * The destination refused the whole batch because of what is in it (a 400 or 422 naming one bad row among
         * many). The engine splits the batch to isolate the offending rows, which are rejected with this reason.
         */
        BATCH_REJECTED,
        /**
         * Sending more cannot help in this run: bad credentials (401/403), the URL is gone (404/410), a redirect.
         * The engine stops sending to this destination; unconfirmed rows stay for the next run.
         */
        FATAL
    }

    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;

    public DestinationException(Kind kind, String message, int httpStatus, Duration retryAfter, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public static DestinationException retryable(String message, Duration retryAfter, Throwable cause) {
        return new DestinationException(Kind.RETRYABLE, message, -1, retryAfter, cause);
    }

    public static DestinationException batchRejected(String message, int httpStatus) {
        return new DestinationException(Kind.BATCH_REJECTED, message, httpStatus, null, null);
    }

    public static DestinationException fatal(String message, int httpStatus) {
        return new DestinationException(Kind.FATAL, message, httpStatus, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status that caused the failure, or -1 when there was no response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The delay the destination asked for (Retry-After, X-RateLimit-Reset, a vendor signal), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
