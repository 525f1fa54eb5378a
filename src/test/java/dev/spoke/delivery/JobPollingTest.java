package dev.spoke.delivery;

import static dev.spoke.delivery.Harness.assertEveryRowAccountedFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.JobStatus;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobPollingTest {
    private final Harness harness = new Harness();
    private final List<RowKey> keys = Rows.keys("u", 4);
    private final RowBatch batch = Rows.batch(keys);

    /** Like Zendesk's create_or_update_many: every write queues a job covering the whole batch. */
    private FakeDestination queueingJobs(FakeDestination.PollScript polls) {
        return new FakeDestination(harness.clock,
                (sent, call) -> WriteResult.submitted(new PendingJob("job-" + call, sent.keys(), "/job_statuses/job-" + call)))
                .polls(polls);
    }

    private WriteResult finishedWith(Map<RowKey, RowOutcome> rejections) {
        return WriteResult.deliveredExcept(batch, rejections);
    }

    @Test
    void aSubmittedJobIsPolledUntilItFinishesWithPerRowOutcomes() {
        FakeDestination destination = queueingJobs((job, poll) -> poll <= 2
                ? new JobStatus.Running(Duration.ofSeconds(5))
                : new JobStatus.Finished(finishedWith(Map.of(keys.get(2), RowOutcome.rejected("Email is invalid")))));
        Deliverer deliverer = harness.deliverer(Harness.settings());

        DeliveryOutcome outcome = deliverer.deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        assertThat(outcome.outcomes()).isEmpty();
        PendingJob job = outcome.jobs().get(0);
        assertThat(job.jobId()).isEqualTo("job-1");

        JobResult result = deliverer.awaitJob(destination, job);

        assertThat(result).isInstanceOf(JobResult.Finished.class);
        Map<RowKey, RowOutcome> outcomes = ((JobResult.Finished) result).outcomes();
        assertThat(outcomes.keySet()).containsExactlyElementsOf(keys);
        assertThat(outcomes.get(keys.get(2))).isEqualTo(RowOutcome.rejected("Email is invalid"));
        keys.stream().filter(key -> !key.equals(keys.get(2))).forEach(key -> {
            assertThat(outcomes.get(key)).isEqualTo(RowOutcome.delivered());
            assertThat(destination.deliveries(key)).isEqualTo(1);
        });
        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        List<Instant> polls = destination.pollStarts();
        assertThat(Duration.between(polls.get(0), polls.get(2))).isEqualTo(Duration.ofSeconds(10));
        assertThat(result.stats().requests()).isEqualTo(3);
        assertThat(harness.listener.polls).containsExactly(
                "crm job-1 SUCCEEDED -1", "crm job-1 SUCCEEDED -1", "crm job-1 SUCCEEDED -1");
        assertThat(destination.writeCount()).as("a running job is never resubmitted").isEqualTo(1);
    }

    @Test
    void withoutASuggestionPollsBackOffExponentially() {
        FakeDestination destination = queueingJobs((job, poll) -> poll <= 3
                ? new JobStatus.Running(Duration.ZERO)
                : new JobStatus.Finished(finishedWith(Map.of())));
        Deliverer deliverer = harness.deliverer(Harness.settings());
        PendingJob job = deliverer.deliver(destination, batch).jobs().get(0);

        JobResult result = deliverer.awaitJob(destination, job);

        assertThat(result).isInstanceOf(JobResult.Finished.class);
        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aJobStillRunningWhenTheBudgetEndsIsHandedBackOpen() {
        FakeDestination destination = queueingJobs((job, poll) -> new JobStatus.Running(Duration.ofSeconds(10)));
        Deliverer deliverer = harness.deliverer(Harness.settings(), Duration.ofSeconds(30));
        PendingJob job = deliverer.deliver(destination, batch).jobs().get(0);

        JobResult result = deliverer.awaitJob(destination, job);

        assertThat(result).isEqualTo(new JobResult.StillOpen(job, "time budget exhausted; rows left for the next run",
                result.stats()));
        assertThat(destination.pollCount()).isEqualTo(4);
        assertThat(destination.pollStarts()).allSatisfy(start -> assertThat(start).isBeforeOrEqualTo(FakeClock.START.plusSeconds(30)));
    }

    @Test
    void aStopWhilePollingHandsTheJobBackOpen() {
        FakeDestination destination = queueingJobs((job, poll) -> new JobStatus.Running(Duration.ofSeconds(10)));
        harness.sleeper.duringSleep(sleep -> harness.stop.request("SIGINT"));
        Deliverer deliverer = harness.deliverer(Harness.settings());
        PendingJob job = deliverer.deliver(destination, batch).jobs().get(0);

        JobResult result = deliverer.awaitJob(destination, job);

        assertThat(result).isInstanceOf(JobResult.StillOpen.class);
        assertThat(((JobResult.StillOpen) result).reason())
                .isEqualTo("not sent: spoke was asked to stop (SIGINT); rows left for the next run");
        assertThat(destination.pollCount()).isEqualTo(1);
    }

    @Test
    void aJobWhoseStatusExpiredIsClosedWithEveryRowToBeSentAgain() {
        FakeDestination destination = queueingJobs((job, poll) -> {
            throw Failures.http(404, "job not found", harness.clock);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings());
        PendingJob job = deliverer.deliver(destination, batch).jobs().get(0);

        JobResult result = deliverer.awaitJob(destination, job);

        assertThat(result).isInstanceOf(JobResult.Finished.class);
        assertThat(((JobResult.Finished) result).outcomes()).isEmpty();
        assertThat(((JobResult.Finished) result).deferred()).containsOnlyKeys(keys).allSatisfy((key, deferral) ->
                assertThat(deferral).isEqualTo(new Deferral("outcome unknown: could not read the status of job job-1: "
                        + "HTTP 404: job not found; the row will be sent again", Deferral.Cause.DESTINATION_FAILED)));
        assertThat(deliverer.stopped(destination)).as("one unreadable job does not stop the destination").isFalse();
    }

    @Test
    void aFailedPollIsRetriedAndRowsTheJobDidNotReportOnAreDeferred() {
        FakeDestination destination = queueingJobs((job, poll) -> {
            if (poll == 1) {
                throw Failures.http(502, "bad gateway", harness.clock);
            }
            Map<RowKey, RowOutcome> reported = new HashMap<>();
            keys.subList(0, 3).forEach(key -> reported.put(key, RowOutcome.delivered()));
            return new JobStatus.Finished(WriteResult.of(reported));
        });
        Deliverer deliverer = harness.deliverer(Harness.settings());
        PendingJob job = deliverer.deliver(destination, batch).jobs().get(0);

        JobResult result = deliverer.awaitJob(destination, job);

        Map<RowKey, RowOutcome> outcomes = ((JobResult.Finished) result).outcomes();
        assertThat(outcomes.keySet()).containsExactlyElementsOf(keys.subList(0, 3));
        assertThat(((JobResult.Finished) result).deferred()).containsExactly(Map.entry(keys.get(3),
                new Deferral("the destination did not report on this row", Deferral.Cause.DESTINATION_FAILED)));
        assertThat(result.stats().requests()).isEqualTo(2);
        assertThat(result.stats().retries()).isEqualTo(1);
    }

    @Test
    void aPollThatKeepsFailingLeavesTheJobOpen() {
        FakeDestination destination = queueingJobs((job, poll) -> {
            throw Failures.unavailable(harness.clock);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings(3, 100));
        PendingJob job = deliverer.deliver(destination, batch).jobs().get(0);

        JobResult result = deliverer.awaitJob(destination, job);

        assertThat(result).isEqualTo(new JobResult.StillOpen(job,
                "could not read the status of job job-1: HTTP 503: unavailable (gave up after 3 attempts)", result.stats()));
    }

    @Test
    void rowsAnsweredAtOnceAndRowsLeftToAJobAreEachInOnePlace() {
        FakeDestination destination = new FakeDestination(harness.clock, (sent, call) -> {
            Map<RowKey, RowOutcome> now = Map.of(keys.get(0), RowOutcome.delivered(), keys.get(1), RowOutcome.rejected("duplicate"));
            return new WriteResult(now, Optional.of(new PendingJob("job-9", keys.subList(2, 4), "")));
        });

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        assertThat(outcome.outcomes()).containsExactly(
                Map.entry(keys.get(0), RowOutcome.delivered()), Map.entry(keys.get(1), RowOutcome.rejected("duplicate")));
        assertThat(outcome.jobs()).extracting(PendingJob::jobId).containsExactly("job-9");
    }
}
