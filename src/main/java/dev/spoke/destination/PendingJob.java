package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An asynchronous job a destination started for a batch (Zendesk job status, SendGrid import, Salesforce Bulk
 * ingest). The engine stores it in the delivery state, so a run that stops before the job ends resumes polling
 * it instead of sending the rows again.
 *
 * @param jobId the destination's job id
 * @param keys the rows the job covers
 * @param detail anything else the destination needs to poll it (a URL, a sub-resource), as text; may be empty
 */
public record PendingJob(String jobId, List<RowKey> keys, String detail) {
    public PendingJob {
        requireNonNull(jobId, "jobId is null");
        keys = List.copyOf(keys);
        detail = detail == null ? "" : detail;
    }
}
