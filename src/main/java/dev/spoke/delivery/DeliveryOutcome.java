package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of every row of one batch. Each row of the batch is in exactly one place: {@link #outcomes} (delivered
 * or rejected) or the keys of one of {@link #jobs} (accepted by an asynchronous job still running; the engine keeps
 * the job and calls {@link Deliverer#awaitJob}).
 *
 * <p>A {@link RowOutcome.Rejected} with {@code retryable() == true} means "not confirmed in this run, send it again
 * next run" (throttled to the end, destination down or stopped, time budget spent, stop requested); with
 * {@code false} the destination refused the row itself and will refuse it again until the data changes.
 *
 * @param outcomes per row not covered by a job, in batch order
 * @param jobs jobs still running, covering the rest of the rows
 * @param stats what it cost
 */
public record DeliveryOutcome(Map<RowKey, RowOutcome> outcomes, List<PendingJob> jobs, DeliveryStats stats) {
    public DeliveryOutcome {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        jobs = List.copyOf(jobs);
        requireNonNull(stats, "stats is null");
    }

    /** Rows the destination confirmed. */
    public long deliveredCount() {
        return outcomes.values().stream().filter(RowOutcome.Delivered.class::isInstance).count();
    }

    /** Rows not confirmed in this run, retryable or not. */
    public long rejectedCount() {
        return outcomes.values().stream().filter(RowOutcome.Rejected.class::isInstance).count();
    }
}
