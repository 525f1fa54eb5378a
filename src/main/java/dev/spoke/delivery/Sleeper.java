package dev.spoke.delivery;

import java.time.Duration;

/**
 * How the delivery layer waits (backoff, rate limit, job polling). Injected so that tests never really sleep: a
 * fake sleeper advances a fake clock instead.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}, or less if {@code stop} is requested meanwhile. The caller checks the stop signal
     * and the clock afterwards, so returning early is always safe.
     */
    void sleep(Duration duration, StopSignal stop) throws InterruptedException;

    /** Really waits, ending at once when the stop signal is set. */
    static Sleeper system() {
        return (duration, stop) -> stop.await(duration);
    }
}
