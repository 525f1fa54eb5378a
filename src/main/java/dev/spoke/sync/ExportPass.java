package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.delivery.Deliverer;
import dev.spoke.delivery.DeliveryOutcome;
import dev.spoke.delivery.JobResult;
import dev.spoke.destination.Destination;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowFields;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOperation;
import dev.spoke.destination.SyncMode;
import dev.spoke.state.ChangeCursor;
import dev.spoke.state.ChangeSet;
import dev.spoke.state.KeyHash;
import dev.spoke.state.LogEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One pass of an export over its change set: streams the changed rows out of the warehouse, sets invalid rows
 * aside, maps the rest to payloads, batches them, delivers the batches concurrently and commits each batch's answer;
 * then (mirror) the deletes; then waits for the asynchronous jobs it started.
 */
final class ExportPass {
    /** Invalid rows gathered before they are written to sync_log in one statement. */
    private static final int INVALID_FLUSH = 1000;

    private final RunContext run;
    private final ExportDescriptor export;
    private final Destination destination;
    private final Deliverer deliverer;
    private final PayloadMapper mapper;
    private final BatchCommitter committer;
    private final ExportCounters counters;
    private final int batchSize;
    private final int concurrency;
    /** Rows inside jobs started by this pass, until the job ends: needed to commit their hashes. */
    private final Map<String, List<OutgoingRow>> rowsOfOpenJobs = new ConcurrentHashMap<>();
    private final Map<String, PendingJob> openJobs = new ConcurrentHashMap<>();

    ExportPass(RunContext run, ExportDescriptor export, Destination destination, Deliverer deliverer,
            PayloadMapper mapper, BatchCommitter committer, ExportCounters counters) {
        this.run = requireNonNull(run, "run is null");
        this.export = requireNonNull(export, "export is null");
        this.destination = requireNonNull(destination, "destination is null");
        this.deliverer = requireNonNull(deliverer, "deliverer is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.committer = requireNonNull(committer, "committer is null");
        this.counters = requireNonNull(counters, "counters is null");
        this.batchSize = Math.max(1, destination.maxBatchSize());
        this.concurrency = Math.max(1, Math.min(destination.maxConcurrency(), deliverer.settings().concurrency()));
    }

    /** Sends the change set; returns normally when every batch was answered (or the run was asked to stop). */
    void run(ChangeSet changeSet) {
        try (BatchPipeline pipeline = new BatchPipeline(export.exportId(), concurrency)) {
            sendChangedRows(changeSet, pipeline);
            boolean mayGoOn = !run.stop().requested() && !budgetSpent() && !destinationStopped();
            if (export.mode() == SyncMode.MIRROR && mayGoOn) {
                sendRemovals(changeSet, pipeline);
            }
            pipeline.awaitAll();
        }
        awaitOpenJobs();
    }

    private void sendChangedRows(ChangeSet changeSet, BatchPipeline pipeline) {
        boolean append = export.mode() == SyncMode.APPEND;
        List<OutgoingRow> batch = new ArrayList<>(batchSize);
        List<LogEntry> invalid = new ArrayList<>();
        try (ChangeCursor cursor = changeSet.changedRows(run.fetchSize())) {
            while (!run.stop().requested() && !budgetSpent() && !destinationStopped() && cursor.next()) {
                String key = cursor.key();
                if (key != null && committer.refusedByJobThisRun(key, cursor.hash())) {
                    continue;
                }
                counters.read.incrementAndGet();
                RowOperation operation = cursor.operation();
                String problem = key == null ? "a key column (" + String.join(", ", export.keyColumns()) + ") is NULL"
                        : cursor.duplicates() > 1 ? cursor.duplicates() + " rows share this key; keys must be unique" : null;
                if (problem != null) {
                    recordInvalid(invalid, key, operation, problem);
                    if (invalid.size() >= INVALID_FLUSH) {
                        committer.commitInvalid(invalid);
                        invalid = new ArrayList<>();
                    }
                    continue;
                }
                (operation == RowOperation.UPDATE ? counters.changed : counters.added).incrementAndGet();
                if (export.mode() == SyncMode.UPDATE) {
                    // spoke cannot know whether the destination holds a key new to the snapshot: in update mode
                    // every row goes as an update, and the destination updates what it has and creates nothing.
                    operation = RowOperation.UPDATE;
                }
                RowFields fields = mapper.map(cursor::value);
                String hash = cursor.hash();
                String idempotencyKey = append
                        ? IdempotencyKeys.ofAppend(export.exportId(), key, hash, run.runId())
                        : IdempotencyKeys.of(export.exportId(), key, hash);
                RowKey rowKey = RowKey.parse(key);
                batch.add(new OutgoingRow(rowKey, mapper.keyValues(rowKey, cursor::value), operation, hash,
                        idempotencyKey, fields, cursor.vendorId()));
                if (batch.size() >= batchSize) {
                    submit(pipeline, batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
        }
        if (!batch.isEmpty()) {
            submit(pipeline, batch);
        }
        committer.commitInvalid(invalid);
    }

    private void sendRemovals(ChangeSet changeSet, BatchPipeline pipeline) {
        List<OutgoingRow> batch = new ArrayList<>(batchSize);
        changeSet.removedKeys(run.fetchSize(), (KeyHash removed) -> {
            if (committer.refusedByJobThisRun(removed.key(), removed.rowHash()) || budgetSpent()
                    || destinationStopped()) {
                return;
            }
            counters.removed.incrementAndGet();
            RowKey key = RowKey.parse(removed.key());
            List<JsonNode> keyValues = mapper.storedKeyValues(key);
            batch.add(new OutgoingRow(key, keyValues, RowOperation.DELETE, removed.rowHash(),
                    IdempotencyKeys.of(export.exportId(), removed.key(), "delete:" + removed.rowHash()),
                    mapper.keyPayload(keyValues), removed.vendorId()));
            if (batch.size() >= batchSize) {
                submit(pipeline, List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            submit(pipeline, List.copyOf(batch));
        }
    }

    /**
     * Whether the time budget is spent. Rows read after it could only be rejected as "time budget exhausted", one
     * state commit per batch: on a large change set that outlasts the budget by far, so reading stops instead, and the
     * rows not read go next run, as after a stop signal.
     */
    private boolean budgetSpent() {
        if (run.pastDeadline()) {
            counters.budgetEndedReading.set(true);
            return true;
        }
        return false;
    }

    /**
     * Whether nothing more will be sent to the destination in this run (a fatal answer, or its connection's circuit
     * opened). Reading on would only turn every remaining row into a "not sent" line of sync_log, one commit per batch,
     * and read the whole change set out of the warehouse for nothing; the rows not read go next run.
     */
    private boolean destinationStopped() {
        if (deliverer.stopped(destination)) {
            counters.stopEndedReading.set(true);
            return true;
        }
        return false;
    }

    private void recordInvalid(List<LogEntry> invalid, String key, RowOperation operation, String problem) {
        counters.invalid.incrementAndGet();
        String operationName = BatchCommitter.operationName(operation);
        invalid.add(new LogEntry(key, operationName, LogEntry.INVALID, problem));
        counters.recordError(new RowError(key == null ? null : RowKey.parse(key).toString(), operationName,
                LogEntry.INVALID, problem));
    }

    private void submit(BatchPipeline pipeline, List<OutgoingRow> rows) {
        RowBatch batch = new RowBatch(export, rows);
        counters.sent.addAndGet(rows.size());
        pipeline.submit(() -> {
            DeliveryOutcome outcome = deliverer.deliver(destination, batch);
            for (PendingJob job : outcome.jobs()) {
                openJobs.put(job.jobId(), job);
                Set<RowKey> keys = new HashSet<>(job.keys());
                rowsOfOpenJobs.put(job.jobId(), rows.stream().filter(row -> keys.contains(row.key())).toList());
            }
            committer.commit(rows, outcome.outcomes(), outcome.deferred(), outcome.jobs(), false);
        });
    }

    /** Polls the jobs this pass started until they end, the time budget runs out or the run is stopped. */
    private void awaitOpenJobs() {
        for (PendingJob job : List.copyOf(openJobs.values())) {
            JobResult result = deliverer.awaitJob(destination, job);
            if (result instanceof JobResult.Finished finished) {
                committer.commit(rowsOfOpenJobs.remove(job.jobId()), finished.outcomes(), finished.deferred(), List.of(),
                        true);
                openJobs.remove(job.jobId());
            } else if (result instanceof JobResult.StillOpen open) {
                committer.jobLeftOpen(job);
                run.log().warn("job.open", "job " + job.jobId() + " has not ended (" + open.reason()
                        + "); the next run polls it again", Map.of("job_id", job.jobId()));
            }
        }
    }
}
