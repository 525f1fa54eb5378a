package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.delivery.Deferral;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOperation;
import dev.spoke.destination.RowOutcome;
import dev.spoke.state.KeyHash;
import dev.spoke.state.LogEntry;
import dev.spoke.state.PendingJobRow;
import dev.spoke.state.StateCommit;
import dev.spoke.state.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a destination's answer for a batch into one state commit and the export's counters: confirmed rows enter
 * the snapshot, confirmed deletes leave it, rows inside a job are parked, refused rows go to sync_log, deferred rows
 * are only counted (they stay out of the snapshot, so the next run sends them again). Called from sender threads; the
 * store serializes the commits.
 */
final class BatchCommitter {
    private final StateStore store;
    private final String exportId;
    private final String snapshotTable;
    private final String destination;
    private final String runId;
    private final ExportCounters counters;
    /**
     * Row versions (key to row hash) that a job ended in this run refused or left without an outcome: not sent again
     * before the next run.
     */
    private final Map<String, String> refusedByJobs = new ConcurrentHashMap<>();

    BatchCommitter(StateStore store, String exportId, String snapshotTable, String destination, String runId,
            ExportCounters counters) {
        this.store = requireNonNull(store, "store is null");
        this.exportId = requireNonNull(exportId, "exportId is null");
        this.snapshotTable = requireNonNull(snapshotTable, "snapshotTable is null");
        this.destination = requireNonNull(destination, "destination is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.counters = requireNonNull(counters, "counters is null");
    }

    /**
     * Commits the answer for {@code rows}.
     *
     * @param rows the rows the answer covers (a batch, or the rows of a job)
     * @param outcomes outcome per key the destination answered for
     * @param deferred deferral per key left for the next run
     * @param openJobs jobs that still cover some of the rows
     * @param closingJob true when the rows come from a job that just ended (their pending rows are removed)
     */
    void commit(List<OutgoingRow> rows, Map<RowKey, RowOutcome> outcomes, Map<RowKey, Deferral> deferred,
            List<PendingJob> openJobs, boolean closingJob) {
        List<KeyHash> delivered = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<LogEntry> log = new ArrayList<>();
        List<PendingJobRow> parked = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        Map<RowKey, PendingJob> jobByKey = new HashMap<>();
        for (PendingJob job : openJobs) {
            job.keys().forEach(key -> jobByKey.put(key, job));
        }
        for (OutgoingRow row : rows) {
            String key = row.key().text();
            if (closingJob) {
                closed.add(key);
            }
            PendingJob job = jobByKey.get(row.key());
            if (job != null) {
                parked.add(new PendingJobRow(job.jobId(), job.detail(), key, row.rowHash(), operationName(row.operation())));
                continue;
            }
            RowOutcome outcome = outcomes.get(row.key());
            if (outcome == null) {
                Deferral deferral = deferred.get(row.key());
                if (deferral == null) {
                    throw new IllegalStateException("row " + row.key() + " has neither an outcome nor a deferral");
                }
                counters.recordDeferral(deferral);
                if (closingJob) {
                    refusedByJobs.put(key, row.rowHash());
                }
            } else if (outcome instanceof RowOutcome.Rejected rejected) {
                counters.rejected.incrementAndGet();
                String operation = operationName(row.operation());
                log.add(new LogEntry(key, operation, LogEntry.REJECTED, rejected.reason()));
                counters.recordError(new RowError(row.key().toString(), operation, LogEntry.REJECTED, rejected.reason()));
                if (closingJob) {
                    refusedByJobs.put(key, row.rowHash());
                }
            } else {
                counters.delivered.incrementAndGet();
                if (row.operation() == RowOperation.DELETE) {
                    deleted.add(key);
                } else {
                    delivered.add(new KeyHash(key, row.rowHash(), ((RowOutcome.Delivered) outcome).vendorId()));
                }
            }
        }
        store.commit(new StateCommit(exportId, snapshotTable, destination, runId, delivered, deleted, log, parked, closed));
    }

    /** Commits the outcomes of a job an earlier run submitted; its rows count as coming from that job, not as sent. */
    void commitEarlierJob(List<OutgoingRow> rows, Map<RowKey, RowOutcome> outcomes, Map<RowKey, Deferral> deferred) {
        commit(rows, outcomes, deferred, List.of(), true);
        counters.fromEarlierJobs.addAndGet(rows.size());
    }

    /** A job was still running when the run stopped polling it: its rows stay parked for the next run. */
    void jobLeftOpen(PendingJob job) {
        counters.inOpenJobs.addAndGet(job.keys().size());
    }

    /**
     * Whether a job that ended in this run refused this very row version. Its rows were sent by an earlier run, so
     * sending the version again in this run would answer the same row twice in one run; the next run retries it.
     */
    boolean refusedByJobThisRun(String key, String rowHash) {
        return rowHash.equals(refusedByJobs.get(key));
    }

    /** Logs rows that were never sent (NULL or duplicate key). */
    void commitInvalid(List<LogEntry> invalid) {
        if (!invalid.isEmpty()) {
            store.commit(new StateCommit(exportId, snapshotTable, destination, runId, List.of(), List.of(), invalid,
                    List.of(), List.of()));
        }
    }

    static String operationName(RowOperation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }
}
