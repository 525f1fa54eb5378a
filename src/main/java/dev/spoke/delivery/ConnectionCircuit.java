package dev.spoke.delivery;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The circuit breaker of one connection: after {@code circuit_breaker_failures} consecutive failed requests it opens,
 * and stays open for the rest of the run (no half-open probe: see {@link Deliverer}).
 *
 * <p>A few lines of our own rather than Resilience4j's {@code CircuitBreaker}: that one is built around a failure
 * <em>rate</em> over a sliding window, a slow-call rule and a timed half-open state; "N consecutive failures, then open
 * until the run ends" would need a count window of N, a 100% threshold, the slow-call rule disabled and the timed
 * transition suppressed by forcing the state, which hides the policy instead of stating it.
 */
final class ConnectionCircuit {
    private final String connection;
    private final int threshold;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicReference<String> openReason = new AtomicReference<>();

    ConnectionCircuit(String connection, int threshold) {
        this.connection = connection;
        this.threshold = threshold;
    }

    /** The destination answered: the streak of failures ends. */
    void recordSuccess() {
        consecutiveFailures.set(0);
    }

    /**
     * A request failed (5xx, timeout, reset; or a throttle that outlasted every attempt).
     *
     * @return the number of consecutive failures when this failure opened the circuit; 0 otherwise
     */
    int recordFailure(String failure) {
        int failures = consecutiveFailures.incrementAndGet();
        if (failures >= threshold && openReason.compareAndSet(null, Reasons.circuitOpen(connection, failures, failure))) {
            return failures;
        }
        return 0;
    }

    /** The rejection reason for rows not sent because the circuit is open, if it is. */
    Optional<String> openReason() {
        return Optional.ofNullable(openReason.get());
    }
}
