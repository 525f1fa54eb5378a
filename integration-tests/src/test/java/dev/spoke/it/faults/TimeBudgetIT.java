package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.sameKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 11: {@code spoke sync --time-budget 2s} (the CLI jar) against a receiver that takes 400ms per request. No
 * request starts after the budget; what was confirmed is committed; every other row is reported as not sent ("time
 * budget exhausted"); the export only warns (exit code 0: the budget is the user's choice); the next run finishes.
 */
class TimeBudgetIT {
    private static final int ROWS = 200;
    private static final Duration BUDGET = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void startsNoRequestAfterTheBudgetAndTheNextRunFinishes() {
        FaultProject project = FaultProject.create(dir, ROWS);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.ok().delayedBy(Duration.ofMillis(400)))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10).rateLimit("concurrency", 1));

            RunOutcome run = SpokeProcess.sync(project, "--time-budget", "2s").await(Duration.ofSeconds(60));

            Instant started = Instant.parse(run.runResults().path("metadata").path("started_at").asText());
            assertThat(receiver.requests()).extracting(ReceivedRequest::receivedAt).isNotEmpty()
                    .allSatisfy(at -> assertThat(at).as("request start").isBefore(started.plus(BUDGET).plusMillis(100)));
            Set<String> committed = project.snapshotKeys();
            sameKeys(committed, receiver.acceptedKeys(), "keys committed, against the keys the receiver confirmed");
            counts(run, "warn", 0, ROWS, committed.size(), ROWS - committed.size());
            assertThat(run.errors().values()).allSatisfy(reason -> assertThat(reason).contains("time budget exhausted"));
            Map<String, String> logged = project.syncLogErrors(run.invocationId());
            Set<String> rest = new LinkedHashSet<>(project.allKeys());
            rest.removeAll(committed);
            sameKeys(logged.keySet(), rest, "keys logged as not sent");
            assertThat(run.runResults().path("elapsed_time").asDouble()).as("seconds the run took").isLessThan(4.0);

            receiver.answerWith(request -> Reply.ok());
            int mark = receiver.mark();
            RunOutcome next = project.sync();

            counts(next, "success", 0, rest.size(), rest.size(), 0);
            sameKeys(FaultyReceiver.keysSeen(receiver.requestsSince(mark)), rest, "keys the next run sent");
            sameKeys(project.snapshotKeys(), project.allKeys(), "keys committed after the next run");
        }
    }
}
