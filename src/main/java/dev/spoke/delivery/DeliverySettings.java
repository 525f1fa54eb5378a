package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How hard spoke tries to deliver to one connection: set under {@code delivery:} and {@code rate_limit:} in
 * spoke.yml, with defaults that suit most SaaS APIs.
 *
 * @param timeout the read/write timeout of one request
 * @param connectTimeout the connect timeout
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first backoff; doubled on each retry, with jitter
 * @param maxBackoff the longest single wait, including a Retry-After the destination asks for
 * @param requestsPerSecond a client-side rate limit, or empty for none
 * @param requestsPerWindow requests allowed per {@code window}, or empty for none
 * @param window the window of {@code requestsPerWindow}
 * @param concurrency the most requests in flight to this connection
 * @param circuitBreakerFailures consecutive failed requests after which the connection is considered down for the run
 * @param maxRejectedRows rejected rows above which the export fails (sets the exit code), or empty for no limit
 * @param maxRejectedPercent rejected percentage of sent rows above which the export fails, or empty for no limit
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
    }
}
