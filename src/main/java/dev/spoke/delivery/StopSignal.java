package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop a run gracefully, shared by every {@link Deliverer} of the run. The CLI sets it from its SIGTERM /
 * SIGINT handler. Once set, no new batch, retry or poll starts; waits (backoff, rate limit, concurrency, job polling)
 * end promptly; requests already in flight finish, so their answers can still be committed.
 *
 * <p>Thread-safe: set from any thread, read from all.
 */
public final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile String reason = "";

    /**
     * Asks the run to stop. The first reason is kept; later requests change nothing.
     *
     * @param reason why, for messages, e.g. {@code "SIGTERM"}; may be empty
     */
    public synchronized void request(String reason) {
        requireNonNull(reason, "reason is null");
        if (requested.getCount() > 0) {
            this.reason = reason;
            requested.countDown();
        }
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Why the run was asked to stop, or an empty string (also when it was not). */
    public String reason() {
        return reason;
    }

    /**
     * Waits until the stop is requested or the timeout passes.
     *
     * @return true when the stop was requested
     */
    public boolean await(Duration timeout) throws InterruptedException {
        requireNonNull(timeout, "timeout is null");
        return requested.await(saturatedNanos(timeout), TimeUnit.NANOSECONDS);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
