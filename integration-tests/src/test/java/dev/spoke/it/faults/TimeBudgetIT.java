package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deferredCounts;
import static dev.spoke.it.faults.FaultAssertions.sameKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import dev.spoke.state.Shard;
import dev.spoke.sync.SyncOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 11: {@code spoke sync --time-budget 4s} (the CLI jar) against a receiver that takes 400ms per request, with
 * 20,000 rows to send. No request starts after the budget; what was confirmed is committed; rows read but not sent are
 * reported as not sent ("time budget exhausted"), and reading stops at the budget too (the run ends on time however
 * large the change set); the export only warns (exit code 0: the budget is the user's choice) and says the rest goes
 * next run; the next run sends exactly what was not committed.
 * A Retry-After longer than the budget left is not waited for: the rows go to the next run at once.
 */
class TimeBudgetIT {
    private static final int ROWS = 20_000;
    /** 4s rather than 2s: a cold JVM under a loaded test run takes up to ~3s to open the warehouse and plan. */
    private static final Duration BUDGET = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    @Test
    void startsNoRequestAfterTheBudgetAndTheNextRunFinishes() {
        FaultProject project = FaultProject.create(dir, ROWS);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.ok().delayedBy(Duration.ofMillis(400)))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10).rateLimit("concurrency", 1));

            RunOutcome run = SpokeProcess.sync(project, "--time-budget", "4s").await(Duration.ofSeconds(60));

            Instant started = Instant.parse(run.runResults().path("metadata").path("started_at").asText());
            assertThat(receiver.requests()).as("requests; " + run).extracting(ReceivedRequest::receivedAt).isNotEmpty()
                    .allSatisfy(at -> assertThat(at).as("request start")
                            .isBefore(started.plus(BUDGET).plusMillis(100)));
            Set<String> committed = project.snapshotKeys();
            sameKeys(committed, receiver.acceptedKeys(), "keys committed, against the keys the receiver confirmed");
            long sent = run.rows("sent");
            deferredCounts(project, run, "warn", 0, sent, committed.size(), sent - committed.size());
            assertThat(sent).as("rows read and handed to the destination").isLessThan(ROWS / 10);
            assertThat(run.message()).contains("time budget exhausted")
                    .endsWith("; changes not read yet go next run");
            assertThat(run.runResults().path("elapsed_time").asDouble()).as("seconds the run took")
                    .isLessThan(BUDGET.toSeconds() + 2.0);

            Set<String> rest = new LinkedHashSet<>(project.allKeys());
            rest.removeAll(committed);
            project.configure(HookConfig.webhook(receiver.url()).batchSize(1000));
            receiver.answerWith(request -> Reply.ok());
            int mark = receiver.mark();
            RunOutcome next = project.sync();

            counts(next, "success", 0, rest.size(), rest.size(), 0);
            sameKeys(FaultyReceiver.keysSeen(receiver.requestsSince(mark)), rest, "keys the next run sent");
            sameKeys(project.snapshotKeys(), project.allKeys(), "keys committed after the next run");
        }
    }

    @Test
    void doesNotWaitForARetryAfterLongerThanTheRemainingBudget() {
        FaultProject project = FaultProject.create(dir, 100);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.throttled("30"))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(20));
            SyncOptions budget = new SyncOptions(false, Shard.ALL, Optional.of(Duration.ofSeconds(20)),
                    SyncOptions.DEFAULT_FETCH_SIZE, 0);

            long start = System.nanoTime();
            RunOutcome run = project.sync(budget, new StopSignal(), DestinationRegistry.load());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("run time").isLessThan(Duration.ofSeconds(10));
            deferredCounts(project, run, "warn", 0, 100, 0, 100);
            assertThat(receiver.requests()).as("requests: the first and those already on their way, none repeated")
                    .hasSizeBetween(1, 4).extracting(ReceivedRequest::attempt).containsOnly(1);
            assertThat(run.message()).contains("100 deferred",
                    "rate limited: destination asked to wait 30s, more than the run's remaining time budget");
            assertThat(project.snapshotKeys()).isEmpty();
        }
    }
}
