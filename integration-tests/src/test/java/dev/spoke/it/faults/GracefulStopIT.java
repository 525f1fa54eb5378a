package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.sameKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case 10: the CLI jar, run as a process against a slow receiver, gets SIGTERM (or SIGINT) mid-run. It starts no new
 * request, lets the one in flight finish, commits every batch the receiver confirmed, writes run results with status
 * interrupted, and exits with code 6. The next run sends exactly the rows that were not confirmed.
 */
class GracefulStopIT {
    private static final int ROWS = 200;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SIGTERM", "SIGINT"})
    void commitsConfirmedBatchesExitsWithCode6AndTheRerunSendsOnlyTheRest(String signal) throws InterruptedException {
        FaultProject project = FaultProject.create(dir, ROWS);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.ok().delayedBy(Duration.ofMillis(250)))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10).rateLimit("concurrency", 1));

            SpokeProcess spoke = SpokeProcess.sync(project);
            awaitRequests(receiver, 4, Duration.ofSeconds(60));
            Instant signalled = Instant.now();
            if (signal.equals("SIGINT")) {
                assumeFalse(spoke.ignoresSigint(), "this process tree ignores SIGINT (started in the background)");
                spoke.interrupt();
            } else {
                spoke.terminate();
            }
            RunOutcome stopped = spoke.await(Duration.ofSeconds(60));

            assertThat(stopped.exitCode()).as("exit code; " + stopped).isEqualTo(6);
            assertThat(stopped.runResults().path("exit_code").asInt()).isEqualTo(6);
            assertThat(stopped.status()).isEqualTo("interrupted");
            Set<String> committed = project.snapshotKeys();
            sameKeys(committed, receiver.acceptedKeys(), "keys committed, against the keys the receiver confirmed");
            assertThat(committed).hasSizeBetween(40, ROWS - 10);
            assertThat(stopped.rows("delivered")).isEqualTo(committed.size());
            assertThat(stopped.errors().values()).allSatisfy(reason -> assertThat(reason).contains("asked to stop"));
            assertThat(receiver.requests().stream().filter(request -> request.receivedAt().isAfter(signalled)))
                    .as("requests started after the signal (at most the one already being sent)").hasSizeLessThanOrEqualTo(1);

            receiver.answerWith(request -> Reply.ok());
            int mark = receiver.mark();
            RunOutcome rerun = project.sync();

            Set<String> rest = new LinkedHashSet<>(project.allKeys());
            rest.removeAll(committed);
            counts(rerun, "success", 0, rest.size(), rest.size(), 0);
            sameKeys(FaultyReceiver.keysSeen(receiver.requestsSince(mark)), rest, "keys the rerun sent");
            sameKeys(project.snapshotKeys(), project.allKeys(), "keys committed after the rerun");
        }
    }

    private static void awaitRequests(FaultyReceiver receiver, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receiver.requests().stream().filter(ReceivedRequest::accepted).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the receiver saw only " + receiver.requests().size() + " requests in " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
