package dev.spoke.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Overlaps reading with sending: the reading thread submits batches, up to {@code concurrency} worker threads send
 * them. At most {@code 2 × concurrency} batches wait or run at once, so a slow destination slows the reader down
 * instead of filling memory. The first failure of a task stops further submissions and is rethrown by
 * {@link #awaitAll()}.
 */
final class BatchPipeline implements AutoCloseable {
    /** How long closing waits for batches in flight; each request is bounded by its timeout and retries. */
    private static final long IN_FLIGHT_GRACE_MINUTES = 10;

    private final ExecutorService workers;
    private final Semaphore slots;
    private final List<Future<?>> running = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    BatchPipeline(String name, int concurrency) {
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "spoke-send-" + name + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(2 * concurrency);
    }

    /** Queues a task; blocks while the pipeline is full. */
    void submit(Runnable task) {
        rethrowFailure();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send a batch", e);
        }
        running.removeIf(Future::isDone);
        running.add(workers.submit(() -> {
            try {
                if (failure.get() == null) {
                    task.run();
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        }));
    }

    /** Waits for every queued task, then rethrows the first failure, if any. */
    void awaitAll() {
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for batches in flight", e);
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        running.clear();
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable cause = failure.get();
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
    }

    @Override
    public void close() {
        // Batches already handed to a destination finish and commit, even when reading failed: a confirmed row
        // that is not committed would only be resent, but there is no reason to make it so.
        workers.shutdown();
        try {
            if (!workers.awaitTermination(IN_FLIGHT_GRACE_MINUTES, TimeUnit.MINUTES)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
