package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.Destination;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the delivery layer knows of one destination (one export's instance): its own concurrency limit
 * ({@link Destination#maxConcurrency()}), whether a fatal failure stopped it for the run, the batch size it took
 * after refusing a larger one (413), and the export it serves.
 */
final class DestinationState {
    private final Destination destination;
    private final Bulkhead writes;
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    /** The most rows a request may carry in this run: lowered when the destination answers 413. */
    private final AtomicInteger sizeLimit = new AtomicInteger(Integer.MAX_VALUE);
    private volatile String exportId = "";

    DestinationState(Destination destination, Duration permitWaitSlice) {
        this.destination = requireNonNull(destination, "destination is null");
        this.writes = Bulkhead.of("destination", BulkheadConfig.custom()
                .maxConcurrentCalls(Math.max(1, destination.maxConcurrency()))
                .maxWaitDuration(permitWaitSlice)
                .build());
    }

    Destination destination() {
        return destination;
    }

    /** Limits concurrent requests to this destination instance to what it declares it can take. */
    Bulkhead writes() {
        return writes;
    }

    String exportId() {
        return exportId;
    }

    void servesExport(String exportId) {
        this.exportId = exportId;
    }

    /** @return true when this call stopped it (the first fatal failure) */
    boolean stop(String reason) {
        return stopReason.compareAndSet(null, reason);
    }

    Optional<String> stopReason() {
        return Optional.ofNullable(stopReason.get());
    }

    /** The most rows one request may carry for the rest of the run. */
    int sizeLimit() {
        return sizeLimit.get();
    }

    /**
     * A request of {@code refusedSize} rows was refused as too large: later requests carry at most half of it.
     *
     * @return the new limit when this call lowered it, else empty
     */
    OptionalInt lowerSizeLimit(int refusedSize) {
        int lowered = Math.max(1, refusedSize / 2);
        int previous = sizeLimit.getAndAccumulate(lowered, Math::min);
        return lowered < previous ? OptionalInt.of(lowered) : OptionalInt.empty();
    }
}
