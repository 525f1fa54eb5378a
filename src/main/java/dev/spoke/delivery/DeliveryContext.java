package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * The run-wide services every {@link Deliverer} of a run shares: time, waiting, the stop signal, the time budget and
 * the listener. Tests pass a fake clock and a sleeper that advances it.
 *
 * @param clock the clock deadlines, latencies and the rate limit are measured on
 * @param sleeper how to wait
 * @param stopSignal set when the run must stop gracefully
 * @param deadline the run's time budget: no request starts after it; empty for no budget (then a Retry-After of any
 *     length is honoured and jobs are polled until they end or the stop signal is set)
 * @param listener hears every request, retry, wait and state change
 * @param random the source of backoff jitter (seed it in tests)
 */
public record DeliveryContext(
        Clock clock,
        Sleeper sleeper,
        StopSignal stopSignal,
        Optional<Instant> deadline,
        DeliveryListener listener,
        Random random) {

    public DeliveryContext {
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(stopSignal, "stopSignal is null");
        requireNonNull(deadline, "deadline is null");
        requireNonNull(listener, "listener is null");
        requireNonNull(random, "random is null");
    }

    /** The real clock and sleep, for a run. */
    public static DeliveryContext system(StopSignal stopSignal, Optional<Instant> deadline, DeliveryListener listener) {
        return new DeliveryContext(Clock.systemUTC(), Sleeper.system(), stopSignal, deadline, listener, new Random());
    }
}
