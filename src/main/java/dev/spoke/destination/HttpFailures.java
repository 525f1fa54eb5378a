package dev.spoke.destination;

import dev.spoke.network.RefusedAddressException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/**
 * How an HTTP destination turns a failed response into a {@link DestinationException}, following the rules in the
 * destination contracts: a 429, and a 503 that names a wait ({@code Retry-After} as delta-seconds or HTTP-date, or
 * {@code X-RateLimit-Reset} as epoch seconds), is throttling, not failure; 408 and other 5xx are retryable failures
 * (a wait they name is honoured);
 * a redirect, 401, 403, 404 and 410 are fatal for the run; 400, 413, 422 and other 4xx refuse the batch for its
 * content, so the engine bisects it (a 413 also lowers the batch size for the rest of the run). Destinations with
 * vendor signals (a 403 that means "rate limited") check those first and call this for the rest.
 */
public final class HttpFailures {
    /** Epoch values above this are instants; smaller ones are delays in seconds (some APIs send those). */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;
    private static final int MAX_REASON_LENGTH = 500;

    private HttpFailures() {
    }

    /**
     * @param status the HTTP status, not 2xx
     * @param headers the response headers
     * @param body the response body (may be empty); shortened into the message
     * @param clock for HTTP-date and epoch headers
     */
    public static DestinationException classify(int status, Headers headers, String body, Clock clock) {
        String reason = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body.strip()));
        Optional<Duration> wait = retryAfter(headers, clock);
        if (status == 429 || (status == 503 && wait.isPresent())) {
            return DestinationException.throttled(reason, status, wait.orElse(null));
        }
        if (status == 408 || status >= 500) {
            return new DestinationException(DestinationException.Kind.RETRYABLE, reason, status, wait.orElse(null), null);
        }
        if (status >= 300 && status < 400) {
            String location = headers.get("Location");
            return DestinationException.fatal("HTTP " + status + " redirect" + (location == null ? "" : " to " + location)
                    + " not followed; set the destination's URL to the final address", status);
        }
        if (status == 401 || status == 403) {
            return DestinationException.fatal(reason + " (check the connection's credentials)", status);
        }
        if (status == 404 || status == 410) {
            return DestinationException.fatal(reason + (status == 410 ? " (the receiver asked for no more deliveries)" : ""), status);
        }
        return DestinationException.batchRejected(reason, status);
    }

    /**
     * A failure without a response: retryable (timeout, reset, refused connection), except a host the outbound
     * address policy refused ({@link RefusedAddressException}), which is fatal: within one run no retry changes where
     * a name points, and the message says how to fix the URL.
     */
    public static DestinationException ioFailure(IOException e) {
        Optional<RefusedAddressException> refused = RefusedAddressException.findIn(e);
        if (refused.isPresent()) {
            return new DestinationException(DestinationException.Kind.FATAL, refused.get().getMessage(), -1, null, e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return DestinationException.retryable(message, null, e);
    }

    /**
     * The delay a response asks for: {@code Retry-After} as seconds or HTTP-date, else {@code X-RateLimit-Reset} as
     * epoch seconds (or as seconds to wait when small). Header names are matched case-insensitively.
     */
    public static Optional<Duration> retryAfter(Headers headers, Clock clock) {
        String retryAfter = headers.get("Retry-After");
        if (retryAfter != null) {
            Optional<Duration> parsed = parseRetryAfter(retryAfter.trim(), clock);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        String reset = headers.get("X-RateLimit-Reset");
        if (reset != null) {
            try {
                double value = Double.parseDouble(reset.trim());
                if (value > EPOCH_THRESHOLD) {
                    long millis = Math.round(value * 1000) - clock.millis();
                    return Optional.of(Duration.ofMillis(Math.max(0, millis)));
                }
                return Optional.of(Duration.ofMillis(Math.max(0, Math.round(value * 1000))));
            } catch (NumberFormatException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration delay = Duration.between(clock.instant(), at);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
