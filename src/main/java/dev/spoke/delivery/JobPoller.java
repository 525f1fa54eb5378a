package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.DestinationException;
import dev.spoke.destination.JobStatus;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Polls one asynchronous job until it ends, within the time budget. While the job runs, the next poll waits the
 * delay the destination suggests ({@link JobStatus.Running#pollAgainAfter()}), or else {@code initial_backoff}
 * doubled per poll up to {@code max_backoff}. A poll that fails retryably is retried like a write (jittered backoff,
 * Retry-After honoured, {@code max_attempts} consecutive failures at most); a throttled poll waits and is retried
 * without counting as a failure, as long as the run waits ({@link ThrottleWait}). One instance per
 * {@link Deliverer#awaitJob} call.
 */
final class JobPoller {
    private final ConnectionServices services;
    private final DestinationState target;
    private final PendingJob job;
    private final StatsCounter stats = new StatsCounter();

    JobPoller(ConnectionServices services, DestinationState target, PendingJob job) {
        this.services = requireNonNull(services, "services is null");
        this.target = requireNonNull(target, "target is null");
        this.job = requireNonNull(job, "job is null");
    }

    JobResult await() {
        int runningPolls = 0;
        int failedPolls = 0;
        ThrottleWait throttling = new ThrottleWait(services, stats, target.exportId());
        while (true) {
            Attempt<JobStatus> attempt = services.gate().send(target, stats, this::reportPoll,
                    () -> target.destination().poll(job));
            if (failedPolls > 0 && !(attempt instanceof Attempt.NotStarted)) {
                stats.retrySent();
            }
            Duration delay;
            if (attempt instanceof Attempt.NotStarted<JobStatus> notStarted) {
                return stillOpen(notStarted.reason());
            } else if (attempt instanceof Attempt.Failed<JobStatus> failed) {
                DestinationException failure = failed.failure();
                switch (failure.kind()) {
                    case BATCH_REJECTED, FATAL -> {
                        return unreadable(failure);
                    }
                    case THROTTLED -> {
                        Optional<Deferral> outlasted = throttling.next(failure);
                        if (outlasted.isPresent()) {
                            return stillOpen(outlasted.get().reason());
                        }
                        continue;
                    }
                    case RETRYABLE -> failedPolls++;
                }
                if (failedPolls >= services.settings().maxAttempts()) {
                    return stillOpen(Reasons.gaveUp(Reasons.jobUnreadable(job.jobId(), failure.getMessage()), failedPolls));
                }
                Optional<Duration> asked = failure.retryAfter();
                Duration backoff = services.backoff().jittered(failedPolls);
                delay = asked.filter(wait -> wait.compareTo(backoff) > 0).orElse(backoff);
                services.listener().retryScheduled(services.connection(), target.exportId(), failedPolls, delay,
                        Reasons.jobUnreadable(job.jobId(), failure.getMessage()));
            } else {
                JobStatus status = ((Attempt.Answered<JobStatus>) attempt).value();
                if (status instanceof JobStatus.Finished finished) {
                    return finished(finished.result());
                }
                failedPolls = 0;
                runningPolls++;
                Duration suggested = ((JobStatus.Running) status).pollAgainAfter();
                delay = suggested.compareTo(Duration.ZERO) > 0 ? suggested : services.backoff().ceiling(runningPolls);
            }
            Instant before = services.budget().now();
            Optional<Deferral> refusal = services.budget().sleep(delay);
            stats.waited(Duration.between(before, services.budget().now()));
            if (refusal.isPresent()) {
                return stillOpen(refusal.get().reason());
            }
        }
    }

    /** The destination's outcome for every key it reported on; the others are deferred, to be sent again. */
    private JobResult finished(WriteResult result) {
        Map<RowKey, RowOutcome> outcomes = new LinkedHashMap<>();
        Map<RowKey, Deferral> deferred = new LinkedHashMap<>();
        for (RowKey key : job.keys()) {
            RowOutcome outcome = result.outcomes().get(key);
            if (outcome == null) {
                deferred.put(key, Deferral.destinationFailed(Reasons.NOT_REPORTED));
            } else {
                outcomes.put(key, outcome);
            }
        }
        return new JobResult.Finished(job, outcomes, deferred, stats.snapshot());
    }

    /** The job's status cannot be read any more (expired, unknown): its rows are deferred, sent again next run. */
    private JobResult unreadable(DestinationException failure) {
        Deferral unknown = Deferral.destinationFailed(Reasons.jobOutcomeUnknown(job.jobId(), failure.getMessage()));
        Map<RowKey, Deferral> deferred = new LinkedHashMap<>();
        job.keys().forEach(key -> deferred.put(key, unknown));
        return new JobResult.Finished(job, Map.of(), deferred, stats.snapshot());
    }

    private JobResult stillOpen(String reason) {
        return new JobResult.StillOpen(job, reason, stats.snapshot());
    }

    private void reportPoll(RequestOutcome outcome, int httpStatus, Duration latency) {
        services.listener().jobPolled(services.connection(), job.jobId(), outcome, httpStatus, latency);
    }
}
