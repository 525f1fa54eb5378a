package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.JobStatus;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A destination that answers from a script, and keeps count: every write (its keys and start time on the fake clock),
 * how often each key was confirmed delivered, and the most writes it ever had in flight at once.
 */
final class FakeDestination implements Destination {

    /** Answers write number {@code call} (1-based). */
    @FunctionalInterface
    interface Script {
        WriteResult answer(RowBatch batch, int call) throws DestinationException;
    }

    /** Answers poll number {@code poll} (1-based). */
    @FunctionalInterface
    interface PollScript {
        JobStatus answer(PendingJob job, int poll) throws DestinationException;
    }

    private final FakeClock clock;
    private final Script script;
    private PollScript pollScript = (job, poll) -> {
        throw new AssertionError("unexpected poll of " + job.jobId());
    };
    private int maxConcurrency = 1;
    private Duration realPause = Duration.ZERO;

    private final AtomicInteger writeCount = new AtomicInteger();
    private final AtomicInteger pollCount = new AtomicInteger();
    private final List<List<RowKey>> writes = new CopyOnWriteArrayList<>();
    private final List<Instant> writeStarts = new CopyOnWriteArrayList<>();
    private final List<Instant> pollStarts = new CopyOnWriteArrayList<>();
    private final Map<RowKey, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    FakeDestination(FakeClock clock, Script script) {
        this.clock = requireNonNull(clock, "clock is null");
        this.script = requireNonNull(script, "script is null");
    }

    /** Answers every write by delivering every row. */
    static FakeDestination acceptingAll(FakeClock clock) {
        return new FakeDestination(clock, (batch, call) -> WriteResult.allDelivered(batch));
    }

    FakeDestination polls(PollScript script) {
        this.pollScript = script;
        return this;
    }

    FakeDestination maxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
        return this;
    }

    /** Makes each write take this long in real time, so that concurrent writes overlap. */
    FakeDestination pausing(Duration realPause) {
        this.realPause = realPause;
        return this;
    }

    @Override
    public WriteResult write(RowBatch batch) throws DestinationException {
        int call = writeCount.incrementAndGet();
        writes.add(batch.keys());
        writeStarts.add(clock.instant());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            pause();
            WriteResult result = script.answer(batch, call);
            countDeliveries(result);
            return result;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public JobStatus poll(PendingJob job) throws DestinationException {
        pollStarts.add(clock.instant());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            JobStatus status = pollScript.answer(job, pollCount.incrementAndGet());
            if (status instanceof JobStatus.Finished finished) {
                countDeliveries(finished.result());
            }
            return status;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public int maxBatchSize() {
        return 1000;
    }

    @Override
    public int maxConcurrency() {
        return maxConcurrency;
    }

    int writeCount() {
        return writeCount.get();
    }

    int pollCount() {
        return pollCount.get();
    }

    List<List<RowKey>> writes() {
        return List.copyOf(writes);
    }

    List<Instant> writeStarts() {
        return List.copyOf(writeStarts);
    }

    List<Instant> pollStarts() {
        return List.copyOf(pollStarts);
    }

    /** How often the destination confirmed {@code key} delivered. */
    int deliveries(RowKey key) {
        AtomicInteger count = deliveries.get(key);
        return count == null ? 0 : count.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void countDeliveries(WriteResult result) {
        result.outcomes().forEach((key, outcome) -> {
            if (outcome instanceof RowOutcome.Delivered) {
                deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    private void pause() {
        if (realPause.isZero()) {
            return;
        }
        try {
            Thread.sleep(realPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
