package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How hard spoke tries to deliver to one connection: set under {@code delivery:} and {@code rate_limit:} in
 * spoke.yml, with defaults that suit most SaaS APIs. The {@link Deliverer} applies them; its Javadoc gives the whole
 * policy (what is retried, how often, what is bisected, when a connection counts as down).
 *
 * <pre>{@code
 * connections:
 *   marketing_hubspot:
 *     type: hubspot
 *     delivery:
 *       timeout: 30s                 # read/write timeout of one request
 *       connect_timeout: 10s
 *       max_attempts: 5              # per request, the first included
 *       initial_backoff: 1s          # doubled per retry, full jitter, capped at max_backoff
 *       max_backoff: 60s
 *       circuit_breaker_failures: 10 # consecutive failed requests before the connection counts as down
 *       max_rejected_rows: 100       # more rejected rows fail the export (exit code 1)
 *       max_rejected_percent: 5
 *     rate_limit:
 *       requests_per_second: 10
 *       requests_per_window: 100     # e.g. HubSpot's 100 per rolling 10 s
 *       window: 10s
 *       concurrency: 4               # requests in flight, shared by every export of the connection
 * }</pre>
 *
 * @param timeout {@code delivery.timeout}: the read/write timeout of one request
 * @param connectTimeout {@code delivery.connect_timeout}: the connect timeout
 * @param maxAttempts {@code delivery.max_attempts}: attempts per request, the first included (1 = never retry)
 * @param initialBackoff {@code delivery.initial_backoff}: the first backoff; doubled on each retry, with full jitter
 * @param maxBackoff {@code delivery.max_backoff}: the longest backoff spoke picks itself. A longer wait the
 *     destination asks for (Retry-After, X-RateLimit-Reset) is still honoured while the run's time budget allows
 * @param requestsPerSecond {@code rate_limit.requests_per_second}: a client-side rate limit, or empty for none;
 *     requests start at least {@code 1 / requests_per_second} apart
 * @param requestsPerWindow {@code rate_limit.requests_per_window}: requests allowed per {@code window}, or empty for
 *     none; requests start at least {@code window / requests_per_window} apart, so no rolling window holds more
 * @param window {@code rate_limit.window}: the window of {@code requestsPerWindow}
 * @param concurrency {@code rate_limit.concurrency}: the most requests in flight to this connection, over all its
 *     exports
 * @param circuitBreakerFailures {@code delivery.circuit_breaker_failures}: consecutive failed requests after which the
 *     connection is considered down for the run
 * @param maxRejectedRows {@code delivery.max_rejected_rows}: rejected rows above which the export fails (sets the
 *     exit code), or empty for no limit
 * @param maxRejectedPercent {@code delivery.max_rejected_percent}: rejected percentage of sent rows above which the
 *     export fails, or empty for no limit
 */
public record DeliverySettings(
        Duration timeout,
        Duration connectTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        OptionalDouble requestsPerSecond,
        OptionalLong requestsPerWindow,
        Duration window,
        int concurrency,
        int circuitBreakerFailures,
        OptionalLong maxRejectedRows,
        OptionalDouble maxRejectedPercent) {

    public static final DeliverySettings DEFAULTS = new DeliverySettings(
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            5,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            OptionalDouble.empty(),
            OptionalLong.empty(),
            Duration.ofSeconds(1),
            4,
            10,
            OptionalLong.empty(),
            OptionalDouble.empty());

    public DeliverySettings {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(requestsPerSecond, "requestsPerSecond is null");
        requireNonNull(requestsPerWindow, "requestsPerWindow is null");
        requireNonNull(window, "window is null");
        requireNonNull(maxRejectedRows, "maxRejectedRows is null");
        requireNonNull(maxRejectedPercent, "maxRejectedPercent is null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (circuitBreakerFailures < 1) {
            throw new IllegalArgumentException("circuitBreakerFailures must be at least 1");
        }
        requirePositive(timeout, "timeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(window, "window");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff and maxBackoff must not be negative");
        }
        if (requestsPerSecond.isPresent() && !(requestsPerSecond.getAsDouble() > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be more than 0");
        }
        if (requestsPerWindow.isPresent() && requestsPerWindow.getAsLong() < 1) {
            throw new IllegalArgumentException("requestsPerWindow must be at least 1");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be more than 0");
        }
    }
}
