package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.DestinationException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way a request reaches a destination. In order: refuse if the destination is stopped, the connection's
 * circuit is open, the connection is throttled out for the run, the stop signal is set or the deadline has passed;
 * take a permit of the destination's own
 * concurrency limit, then of the connection's ({@code rate_limit.concurrency}, shared by every export of the
 * connection); wait for the connection's rate-limit slot and the end of its pause (a Retry-After the destination
 * gave any earlier request); send; time it; report it; pause the connection when the answer names a wait; feed the
 * circuit breaker.
 *
 * <p>Concurrency permits are Resilience4j {@link Bulkhead}s, waited for in short slices so that the stop signal and
 * the deadline end the wait promptly. The rate-limit slot is taken after the permits, so requests that queued for a
 * permit still start evenly spaced.
 */
final class RequestGate {
    /** How long one wait for a concurrency permit lasts before the stop signal and deadline are checked again. */
    static final Duration PERMIT_WAIT_SLICE = Duration.ofMillis(50);

    private final String connection;
    private final RunBudget budget;
    private final ConnectionCircuit circuit;
    private final DeliveryListener listener;
    private final Bulkhead connectionPermits;
    private final RequestSpacer spacer;
    private final AtomicReference<String> throttledOut = new AtomicReference<>();

    RequestGate(String connection, DeliverySettings settings, RunBudget budget, ConnectionCircuit circuit,
            DeliveryListener listener) {
        this.connection = requireNonNull(connection, "connection is null");
        this.budget = requireNonNull(budget, "budget is null");
        this.circuit = requireNonNull(circuit, "circuit is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.connectionPermits = Bulkhead.of(connection, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.concurrency())
                .maxWaitDuration(PERMIT_WAIT_SLICE)
                .build());
        this.spacer = RequestSpacer.of(settings);
    }

    /** Sends one request, unless something forbids starting it. */
    <T> Attempt<T> send(DestinationState target, StatsCounter stats, RequestReport report, DestinationCall<T> call) {
        Optional<Deferral> refusal = refusal(target).or(() -> acquire(target.writes(), target));
        if (refusal.isPresent()) {
            return new Attempt.NotStarted<>(refusal.get());
        }
        try {
            refusal = acquire(connectionPermits, target);
            if (refusal.isPresent()) {
                return new Attempt.NotStarted<>(refusal.get());
            }
            try {
                refusal = awaitRateLimit(target, stats).or(() -> refusal(target));
                if (refusal.isPresent()) {
                    return new Attempt.NotStarted<>(refusal.get());
                }
                return timed(stats, report, call);
            } finally {
                connectionPermits.releasePermission();
            }
        } finally {
            target.writes().releasePermission();
        }
    }

    /** Why nothing may be sent to {@code target} now, if nothing may. */
    Optional<Deferral> refusal(DestinationState target) {
        return target.stopReason().map(reason -> Deferral.destinationFailed(Reasons.notSent(reason)))
                .or(() -> circuit.openReason().map(Deferral::destinationFailed))
                .or(() -> throttledOutReason().map(Deferral::throttled))
                .or(budget::refusal);
    }

    /** Why the connection counts as down, if its circuit is open. */
    Optional<String> circuitOpenReason() {
        return circuit.openReason();
    }

    /**
     * The destination kept throttling one request for longer than a run waits: no more requests to the connection
     * in this run; the rows handed over from now on are deferred with {@code reason}.
     */
    void throttleOut(String reason) {
        if (throttledOut.compareAndSet(null, reason)) {
            listener.connectionThrottledOut(connection, reason);
        }
    }

    /** Why the connection takes no more requests in this run because it throttled too long, if it does. */
    Optional<String> throttledOutReason() {
        return Optional.ofNullable(throttledOut.get());
    }

    private <T> Attempt<T> timed(StatsCounter stats, RequestReport report, DestinationCall<T> call) {
        Instant start = budget.now();
        stats.requestSent();
        try {
            T value = call.call();
            if (value == null) {
                throw new IllegalStateException("a destination answered null instead of a result");
            }
            circuit.recordSuccess();
            report.completed(RequestOutcome.SUCCEEDED, -1, Duration.between(start, budget.now()));
            return new Attempt.Answered<>(value);
        } catch (DestinationException e) {
            RequestOutcome outcome = RequestOutcome.of(e);
            Instant answered = budget.now();
            report.completed(outcome, e.httpStatus(), Duration.between(start, answered));
            if (e.kind() == DestinationException.Kind.THROTTLED || e.kind() == DestinationException.Kind.RETRYABLE) {
                e.retryAfter().ifPresent(wait -> spacer.pauseUntil(answered.plus(wait)));
            }
            switch (outcome) {
                case FAILED -> recordFailure(e.getMessage());
                case THROTTLED -> {
                    // the destination is up and asks us to slow down: neither a failure nor a success
                }
                case SUCCEEDED, BATCH_REJECTED, FATAL -> circuit.recordSuccess();
            }
            return new Attempt.Failed<>(e);
        }
    }

    private void recordFailure(String failure) {
        int failures = circuit.recordFailure(failure);
        if (failures > 0) {
            listener.circuitOpened(connection, failures, failure);
        }
    }

    private Optional<Deferral> acquire(Bulkhead permits, DestinationState target) {
        while (!permits.tryAcquirePermission()) {
            Optional<Deferral> refusal = refusal(target);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /**
     * Waits for a start slot of the rate limit and for the end of the connection's pause (a Retry-After); reserves a
     * new slot when a pause began while this request waited for its slot.
     */
    private Optional<Deferral> awaitRateLimit(DestinationState target, StatsCounter stats) {
        Instant began = budget.now();
        boolean slept = false;
        Optional<Deferral> refusal = Optional.empty();
        do {
            Instant now = budget.now();
            Duration pauseLeft = spacer.pauseLeft(now);
            if (!pauseLeft.isZero() && !budget.allows(pauseLeft)) {
                refusal = Optional.of(Deferral.throttled(Reasons.waitBeyondBudget(pauseLeft)));
                break;
            }
            Optional<Instant> slot = spacer.reserve(now, budget.latestStart());
            if (slot.isEmpty()) {
                refusal = Optional.of(Deferral.timeBudget(Reasons.TIME_BUDGET));
                break;
            }
            Duration wait = Duration.between(now, slot.get());
            if (wait.compareTo(Duration.ZERO) > 0) {
                slept = true;
                refusal = budget.sleep(wait);
            }
        } while (refusal.isEmpty() && spacer.pausedAt(budget.now()));
        if (slept) {
            Duration waited = Duration.between(began, budget.now());
            stats.waited(waited);
            listener.rateLimitWaited(connection, target.exportId(), waited);
        }
        return refusal;
    }
}
