package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The run's limits on starting work: the stop signal, thread interruption and the deadline. Every wait goes through
 * {@link #sleep}, which refuses a wait that would end after the deadline instead of sleeping into it.
 */
final class RunBudget {
    /**
     * The longest single wait a run accepts, budget or not: a destination that asks for more (a daily quota reset
     * hours away) gets its rows back for the next run instead of a process sleeping for hours.
     */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final Clock clock;
    private final Sleeper sleeper;
    private final StopSignal stopSignal;
    private final Optional<Instant> deadline;

    RunBudget(Clock clock, Sleeper sleeper, StopSignal stopSignal, Optional<Instant> deadline) {
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.deadline = requireNonNull(deadline, "deadline is null");
    }

    Instant now() {
        return clock.instant();
    }

    /** Why no new request may start now, if one may not. */
    Optional<Deferral> refusal() {
        if (stopSignal.requested()) {
            return Optional.of(Deferral.stopped(Reasons.stopRequested(stopSignal.reason())));
        }
        if (Thread.currentThread().isInterrupted()) {
            return Optional.of(Deferral.stopped(Reasons.INTERRUPTED));
        }
        if (deadline.isPresent() && now().isAfter(deadline.get())) {
            return Optional.of(Deferral.timeBudget(Reasons.TIME_BUDGET));
        }
        return Optional.empty();
    }

    /** Whether a wait of {@code wait} from now still ends by the deadline, and is not longer than {@link #LONGEST_WAIT}. */
    boolean allows(Duration wait) {
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            return false;
        }
        return deadline.isEmpty() || wait.compareTo(Duration.between(now(), deadline.get())) <= 0;
    }

    /** The latest instant a request may start at. */
    Instant latestStart() {
        return deadline.orElse(Instant.MAX);
    }

    /**
     * Waits, unless the wait would end after the deadline.
     *
     * @return why no request may start after the wait (time budget, stop, interruption), or empty to go on
     */
    Optional<Deferral> sleep(Duration wait) {
        if (!allows(wait)) {
            return Optional.of(Deferral.timeBudget(Reasons.TIME_BUDGET));
        }
        if (wait.compareTo(Duration.ZERO) > 0) {
            try {
                sleeper.sleep(wait, stopSignal);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(Deferral.stopped(Reasons.INTERRUPTED));
            }
        }
        return refusal();
    }
}
