package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one batch changes in the delivery state, applied in one transaction after the destination answered
 * (DESIGN decision 2): confirmed rows enter the snapshot, confirmed deletes leave it, rows inside a new job are
 * parked in pending_jobs, rows of an ended job leave it, and refused rows go to sync_log.
 *
 * @param exportId the export
 * @param snapshotTable its snapshot table
 * @param destination the connection name (for sync_log)
 * @param runId the run
 * @param delivered rows the destination confirmed (inserts and updates)
 * @param deletedKeys keys whose delete the destination confirmed
 * @param log rows not delivered, with reasons
 * @param jobRowsOpened rows now inside an open job
 * @param jobKeysClosed keys whose job ended (whatever their outcome)
 */
public record StateCommit(
        String exportId,
        String snapshotTable,
        String destination,
        String runId,
        List<KeyHash> delivered,
        List<String> deletedKeys,
        List<LogEntry> log,
        List<PendingJobRow> jobRowsOpened,
        List<String> jobKeysClosed) {

    public StateCommit {
        requireNonNull(exportId, "exportId is null");
        requireNonNull(snapshotTable, "snapshotTable is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(runId, "runId is null");
        delivered = List.copyOf(delivered);
        deletedKeys = List.copyOf(deletedKeys);
        log = List.copyOf(log);
        jobRowsOpened = List.copyOf(jobRowsOpened);
        jobKeysClosed = List.copyOf(jobKeysClosed);
    }

    public boolean isEmpty() {
        return delivered.isEmpty() && deletedKeys.isEmpty() && log.isEmpty() && jobRowsOpened.isEmpty()
                && jobKeysClosed.isEmpty();
    }
}
