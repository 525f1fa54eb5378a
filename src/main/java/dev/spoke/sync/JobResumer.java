package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.Export;
import dev.spoke.delivery.Deliverer;
import dev.spoke.delivery.JobResult;
import dev.spoke.destination.Destination;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.FieldLayout;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowFields;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOperation;
import dev.spoke.state.PendingJobRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Before an export computes its change set, polls the asynchronous jobs an earlier run started and did not see end,
 * and commits their outcomes. Rows of jobs still open stay out of the change set, so they are never submitted twice.
 */
final class JobResumer {
    private final RunContext run;
    private final Export export;
    private final Destination destination;
    private final Deliverer deliverer;
    private final BatchCommitter committer;

    JobResumer(RunContext run, Export export, Destination destination, Deliverer deliverer, BatchCommitter committer) {
        this.run = requireNonNull(run, "run is null");
        this.export = requireNonNull(export, "export is null");
        this.destination = requireNonNull(destination, "destination is null");
        this.deliverer = requireNonNull(deliverer, "deliverer is null");
        this.committer = requireNonNull(committer, "committer is null");
    }

    void resume() {
        Map<String, List<PendingJobRow>> byJob = new LinkedHashMap<>();
        for (PendingJobRow row : run.store().pendingJobRows(export.id())) {
            byJob.computeIfAbsent(row.jobId(), id -> new java.util.ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<PendingJobRow>> entry : byJob.entrySet()) {
            List<PendingJobRow> rows = entry.getValue();
            PendingJob job = new PendingJob(entry.getKey(), rows.stream().map(r -> RowKey.parse(r.key())).toList(),
                    rows.get(0).detail());
            run.log().info("job.resumed", "polling job " + job.jobId() + " (" + rows.size()
                    + " rows) left open by an earlier run", Map.of("job_id", job.jobId()));
            JobResult result = deliverer.awaitJob(destination, job);
            if (result instanceof JobResult.Finished finished) {
                List<OutgoingRow> outgoing = rows.stream().map(JobResumer::toOutgoing).toList();
                committer.commitEarlierJob(outgoing, finished.outcomes(), finished.deferred());
            } else {
                committer.jobLeftOpen(job);
            }
        }
    }

    private static OutgoingRow toOutgoing(PendingJobRow row) {
        return new OutgoingRow(RowKey.parse(row.key()), RowOperation.valueOf(row.operation().toUpperCase(Locale.ROOT)),
                row.rowHash(), "resumed", RowFields.of(FieldLayout.of(List.of()), new Object[0]));
    }
}
