package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to one {@link Destination#write(RowBatch)}: an outcome per row, matched by key (never by position
 * unless the API guarantees order), or a job to poll.
 *
 * <p>A row of the batch that has no outcome and is not covered by the job is treated by the engine as a retryable
 * rejection ("the destination did not report on this row"), so no row is ever counted as delivered by accident.
 *
 * @param outcomes outcome per row key
 * @param job the asynchronous job that will report on the remaining rows, if any
 */
public record WriteResult(Map<RowKey, RowOutcome> outcomes, Optional<PendingJob> job) {
    public WriteResult {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        requireNonNull(job, "job is null");
    }

    /** Every row of the batch delivered. */
    public static WriteResult allDelivered(RowBatch batch) {
        Map<RowKey, RowOutcome> outcomes = new LinkedHashMap<>();
        for (OutgoingRow row : batch.rows()) {
            outcomes.put(row.key(), RowOutcome.delivered());
        }
        return new WriteResult(outcomes, Optional.empty());
    }

    /** Every row of the batch delivered except those named in {@code rejections}. */
    public static WriteResult deliveredExcept(RowBatch batch, Map<RowKey, RowOutcome> rejections) {
        Map<RowKey, RowOutcome> outcomes = new LinkedHashMap<>();
        for (OutgoingRow row : batch.rows()) {
            outcomes.put(row.key(), rejections.getOrDefault(row.key(), RowOutcome.delivered()));
        }
        return new WriteResult(outcomes, Optional.empty());
    }

    /** The batch was accepted as an asynchronous job; its rows get their outcomes when the job ends. */
    public static WriteResult submitted(PendingJob job) {
        return new WriteResult(Map.of(), Optional.of(job));
    }

    public static WriteResult of(Map<RowKey, RowOutcome> outcomes) {
        return new WriteResult(outcomes, Optional.empty());
    }
}
