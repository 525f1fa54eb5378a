package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@link Deliverer#awaitJob} found out about an asynchronous job. */
public sealed interface JobResult permits JobResult.Finished, JobResult.StillOpen {

    PendingJob job();

    DeliveryStats stats();

    /**
     * The job is over for spoke: forget its id. Every key of the job is in exactly one of the maps: the destination's
     * outcome, or a deferral for a row it did not report on, or for every row when the job's status could not be read
     * any more (expired, unknown id), so the next run sends those rows again.
     *
     * @param outcomes per key the job reported on, in the job's key order
     * @param deferred per key left for the next run
     */
    record Finished(PendingJob job, Map<RowKey, RowOutcome> outcomes, Map<RowKey, Deferral> deferred,
            DeliveryStats stats) implements JobResult {
        public Finished {
            requireNonNull(job, "job is null");
            outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
            deferred = Collections.unmodifiableMap(new LinkedHashMap<>(deferred));
            requireNonNull(stats, "stats is null");
        }
    }

    /**
     * The job may still be running: keep its id and poll it again next run (the time budget ran out, the stop signal
     * was set, the destination is stopped or down, or its status could not be read after every attempt).
     *
     * @param reason why polling stopped
     */
    record StillOpen(PendingJob job, String reason, DeliveryStats stats) implements JobResult {
        public StillOpen {
            requireNonNull(job, "job is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(stats, "stats is null");
        }
    }
}
