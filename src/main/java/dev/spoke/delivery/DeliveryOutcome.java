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
 * What became of every row of one batch. Each row of the batch is in exactly one place: {@link #outcomes} (the
 * destination confirmed or refused it), {@link #deferred} (not confirmed in this run, though the destination never
 * refused it: throttled past the time budget, destination failing or stopped, spoke stopping), or the keys of one of
 * {@link #jobs} (accepted by an asynchronous job still running; the engine keeps the job and calls
 * {@link Deliverer#awaitJob}).
 *
 * <p>A {@link RowOutcome.Rejected} is always the destination's own refusal of the row. With
 * {@code retryable() == true} the destination said a later attempt may pass (a lock, a conflict) and every attempt
 * of the run met it; with {@code false} it will refuse the row again until the data changes.
 *
 * @param outcomes per row the destination answered for, in batch order
 * @param deferred per row left for the next run, in batch order
 * @param jobs jobs still running, covering the rest of the rows
 * @param stats what it cost
 */
public record DeliveryOutcome(
        Map<RowKey, RowOutcome> outcomes, Map<RowKey, Deferral> deferred, List<PendingJob> jobs, DeliveryStats stats) {
    public DeliveryOutcome {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        deferred = Collections.unmodifiableMap(new LinkedHashMap<>(deferred));
        jobs = List.copyOf(jobs);
        requireNonNull(stats, "stats is null");
    }

    /** Rows the destination confirmed. */
    public long deliveredCount() {
        return outcomes.values().stream().filter(RowOutcome.Delivered.class::isInstance).count();
    }

    /** Rows the destination refused. */
    public long rejectedCount() {
        return outcomes.values().stream().filter(RowOutcome.Rejected.class::isInstance).count();
    }
}
