package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.rejectedExactly;
import static dev.spoke.it.faults.FaultAssertions.sameKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destinations.webhook.WebhookDestinationFactory;
import dev.spoke.sync.SyncOptions;
import dev.spoke.state.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 12: an asynchronous destination (a test-only type, driven through {@code SyncEngine} with a registry that
 * holds it). The first run submits one job and is stopped while polling it: the job's rows stay parked in
 * pending_jobs, nothing is committed, status interrupted. The next run resumes polling the same job instead of
 * submitting the rows again (one submit in all), commits the job's outcomes, and reports the row the job refused.
 */
class AsyncJobResumeIT {
    @TempDir
    Path dir;

    @Test
    void aRunStoppedWhileAJobIsOpenResumesPollingItNextTimeInsteadOfResubmitting() {
        FaultProject project = FaultProject.create(dir, 100);
        JobBoard board = new JobBoard();
        DestinationRegistry registry = new DestinationRegistry(
                List.of(new WebhookDestinationFactory(), board.factory()));
        project.configure(HookConfig.webhook("http://unused.invalid/").type(JobBoard.TYPE));

        StopSignal stop = new StopSignal();
        board.onPoll(() -> {
            if (board.polls() == 3) {
                stop.request("test stop while polling");
            }
        });
        RunOutcome stopped = project.sync(SyncOptions.DEFAULTS, stop, registry);

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(6);
        assertThat(stopped.status()).isEqualTo("interrupted");
        assertThat(board.submits()).isEqualTo(1);
        assertThat(board.polls()).isEqualTo(3);
        assertThat(project.snapshotKeys()).as("rows committed while the job runs").isEmpty();
        sameKeys(project.pendingJobKeys(), project.allKeys(), "rows parked in the open job");

        board.onPoll(() -> { });
        board.finishJobs(Map.of("42", "invalid email address"));
        RunOutcome resumed = project.sync(SyncOptions.DEFAULTS, new StopSignal(), registry);

        assertThat(board.submits()).as("jobs submitted in all").isEqualTo(1);
        assertThat(board.polls()).isEqualTo(4);
        counts(resumed, "warn", 0, 0, 99, 1);
        assertThat(resumed.message()).isEqualTo(
                "99 of 100 rows delivered (0 added, 0 changed, 0 removed, 100 from jobs an earlier run submitted),"
                        + " 1 rejected (sent again next run)");
        rejectedExactly(project, resumed, Map.of("42", "invalid email address"));
        Set<String> good = new LinkedHashSet<>(project.allKeys());
        good.remove("42");
        sameKeys(project.snapshotKeys(), good, "keys committed from the finished job");
        assertThat(project.pendingJobKeys()).isEmpty();

        board.finishJobs(Map.of());
        RunOutcome next = project.sync(SyncOptions.DEFAULTS, new StopSignal(), registry);

        assertThat(board.submits()).as("the refused row goes again in a job of its own, the run after").isEqualTo(2);
        counts(next, "success", 0, 1, 1, 0);
        sameKeys(project.snapshotKeys(), project.allKeys(), "keys committed in the end");
    }

    @Test
    void aJobStillRunningWhenTheTimeBudgetEndsIsNotASuccessAndTheNextRunPollsIt() {
        FaultProject project = FaultProject.create(dir, 100);
        JobBoard board = new JobBoard();
        DestinationRegistry registry = new DestinationRegistry(
                List.of(new WebhookDestinationFactory(), board.factory()));
        project.configure(HookConfig.webhook("http://unused.invalid/").type(JobBoard.TYPE));
        SyncOptions budget = new SyncOptions(false, Shard.ALL, Optional.of(Duration.ofMillis(1500)),
                SyncOptions.DEFAULT_FETCH_SIZE, 0);

        RunOutcome open = project.sync(budget, new StopSignal(), registry);

        assertThat(board.submits()).isEqualTo(1);
        assertThat(board.polls()).isGreaterThan(1);
        counts(open, "warn", 0, 100, 0, 0);
        assertThat(open.message()).contains("100 in jobs still running");
        sameKeys(project.pendingJobKeys(), project.allKeys(), "rows parked in the open job");

        board.finishJobs(Map.of());
        RunOutcome resumed = project.sync(SyncOptions.DEFAULTS, new StopSignal(), registry);

        assertThat(board.submits()).isEqualTo(1);
        counts(resumed, "success", 0, 0, 100, 0);
        sameKeys(project.snapshotKeys(), project.allKeys(), "keys committed from the finished job");
    }
}
