package dev.spoke.it.support.fakes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the {@link FaultyReceiver} answers one request.
 *
 * @param status the HTTP status
 * @param headers extra response headers
 * @param body the body of a non-2xx answer (a 2xx answer's body lists {@code rejections})
 * @param rejections rows of the batch refused in a 2xx answer ({@code {"rejected":[...]}})
 * @param fault what goes wrong on the connection while answering
 * @param delay how long the receiver takes before it sends the response headers
 */
public record Reply(int status, Map<String, String> headers, String body, List<Rejection> rejections, Fault fault,
        Duration delay) {

    /** Something that breaks the connection while the receiver answers. */
    public enum Fault {
        /** The answer goes out whole. */
        NONE,
        /** The receiver closes the connection before it writes any of the response. */
        DISCONNECT_BEFORE_RESPONSE,
        /** The receiver writes the status line and headers, then closes the connection during the body. */
        DISCONNECT_DURING_BODY,
        /**
         * The answer goes out whole, then the receiver closes the connection without saying so (no
         * {@code Connection: close}), as a server whose keep-alive timeout is shorter than the client's does.
         */
        CLOSE_AFTER_RESPONSE
    }

    /**
     * One row refused in a 2xx answer.
     *
     * @param key the row's key
     * @param reason the receiver's reason
     * @param retryable whether spoke may send it again in this run
     */
    public record Rejection(String key, String reason, boolean retryable) {
        public Rejection {
            requireNonNull(key, "key is null");
            requireNonNull(reason, "reason is null");
        }
    }

    public Reply {
        headers = Map.copyOf(headers);
        requireNonNull(body, "body is null");
        rejections = List.copyOf(rejections);
        requireNonNull(fault, "fault is null");
        requireNonNull(delay, "delay is null");
    }

    /** 200: every row accepted. */
    public static Reply ok() {
        return new Reply(200, Map.of(), "", List.of(), Fault.NONE, Duration.ZERO);
    }

    /** 200 naming the rows refused. */
    public static Reply rejecting(List<Rejection> rejections) {
        return new Reply(200, Map.of(), "", rejections, Fault.NONE, Duration.ZERO);
    }

    /** Any status with a body. */
    public static Reply status(int status, String body) {
        return new Reply(status, Map.of(), body, List.of(), Fault.NONE, Duration.ZERO);
    }

    /** 429 with {@code Retry-After: retryAfter} (delta-seconds or an HTTP-date). */
    public static Reply throttled(String retryAfter) {
        return status(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", retryAfter);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body, rejections, fault, delay);
    }

    public Reply withFault(Fault newFault) {
        return new Reply(status, headers, body, rejections, newFault, delay);
    }

    public Reply delayedBy(Duration newDelay) {
        return new Reply(status, headers, body, rejections, fault, newDelay);
    }

    /** Whether the receiver accepted the batch (minus the rows in {@code rejections}). */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
