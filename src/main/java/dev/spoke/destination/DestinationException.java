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
         * The destination asks the client to slow down: 429, a 503 with {@code Retry-After} or
         * {@code X-RateLimit-Reset}, or a vendor's own throttle signal (Salesforce's {@code REQUEST_LIMIT_EXCEEDED}
         * 403, Mailchimp's body-less 403). Not a failure: the engine pauses the whole connection for
         * {@link #retryAfter()} (or its backoff when the destination named no wait) and sends the same batch again
         * without spending an attempt of {@code delivery.max_attempts}. When the run's time budget or the longest
         * wait a run accepts ends the waiting, the rows are deferred to the next run, never rejected.
         */
        THROTTLED,
        /**
         * Transient failure: server error (5xx), timeout, connection reset, a 408. Send the same batch again after
         * the engine's backoff (or {@link #retryAfter()} when longer), up to {@code delivery.max_attempts} requests;
         * then the rows are deferred to the next run and the export fails: a destination that keeps failing is never
         * a green run.
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

    /**
     * The destination throttled the request.
     *
     * @param retryAfter the wait it asked for, or {@code null} when it named none (the engine backs off)
     */
    public static DestinationException throttled(String message, int httpStatus, Duration retryAfter) {
        return new DestinationException(Kind.THROTTLED, message, httpStatus, retryAfter, null);
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
