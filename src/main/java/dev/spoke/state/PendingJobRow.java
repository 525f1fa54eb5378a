package dev.spoke.state;

import static java.util.Objects.requireNonNull;

/**
 * One row inside an asynchronous job that has not ended, as kept in {@code pending_jobs}.
 *
 * @param jobId the destination's job id
 * @param detail what the destination needs to poll it
 * @param key the row's key text
 * @param rowHash the hash of what was sent, committed to the snapshot if the job delivers the row
 * @param operation {@code insert}, {@code update} or {@code delete}
 */
public record PendingJobRow(String jobId, String detail, String key, String rowHash, String operation) {
    public PendingJobRow {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(key, "key is null");
        requireNonNull(rowHash, "rowHash is null");
        requireNonNull(operation, "operation is null");
    }
}
