package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.sameKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import dev.spoke.sync.SyncOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case 10: the CLI jar, run as a process against a slow receiver, gets SIGTERM (or SIGINT) mid-run. It starts no new
 * request, lets the requests in flight finish, commits every batch the receiver confirmed, writes run results with
 * status interrupted, and exits with code 6. The next run sends exactly the rows that were not confirmed. In
 * process, a stop also ends a long Retry-After wait at once.
 */
class GracefulStopIT {
    private static final int ROWS = 200;
    private static final int CONCURRENCY = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SIGTERM", "SIGINT"})
    void commitsConfirmedBatchesExitsWithCode6AndTheRerunSendsOnlyTheRest(String signal) throws InterruptedException {
        FaultProject project = FaultProject.create(dir, ROWS);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.ok().delayedBy(Duration.ofMillis(300)))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10).rateLimit("concurrency", CONCURRENCY));

            SpokeProcess spoke = SpokeProcess.sync(project);
            awaitRequests(receiver, 2 * CONCURRENCY, Duration.ofSeconds(60), ReceivedRequest::accepted);
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
            assertThat(committed).hasSizeBetween(20 * CONCURRENCY, ROWS - 10);
            assertThat(stopped.rows("delivered")).isEqualTo(committed.size());
            assertThat(stopped.rows("deferred")).as("rows handed over but not confirmed before the stop")
                    .isEqualTo(stopped.rows("sent") - committed.size());
            assertThat(stopped.errors()).as("a stop rejects nothing").isEmpty();
            assertThat(receiver.requests().stream().filter(request -> request.receivedAt().isAfter(signalled)))
                    .as("requests started after the signal (at most those already being sent)")
                    .hasSizeLessThanOrEqualTo(CONCURRENCY);

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

    @Test
    void aStopEndsALongRetryAfterWaitAtOnce() throws Exception {
        FaultProject project = FaultProject.create(dir, 40);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.throttled("60"))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10));
            StopSignal stop = new StopSignal();
            CompletableFuture<RunOutcome> running = CompletableFuture.supplyAsync(
                    () -> project.sync(SyncOptions.DEFAULTS, stop, DestinationRegistry.load()));

            // The first 429 pauses the whole connection for 60 s, so 1 to 4 batches (the concurrency) get a request
            // out before spoke waits; the stop must end that wait at once and send nothing more.
            awaitRequests(receiver, 1, Duration.ofSeconds(30), request -> true);
            Thread.sleep(500);
            int sentBeforeTheStop = receiver.requests().size();
            long signalled = System.nanoTime();
            stop.request("test stop");
            RunOutcome stopped = running.get(30, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).as("time from the stop to the end of the run")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(stopped.exitCode()).isEqualTo(6);
            assertThat(stopped.status()).isEqualTo("interrupted");
            assertThat(sentBeforeTheStop).as("first requests, at most one per batch in flight").isBetween(1, 4);
            assertThat(receiver.requests()).as("requests: none after the stop").hasSize(sentBeforeTheStop);
            assertThat(stopped.rows("deferred")).as("every row, throttled or not yet sent, waits for the next run")
                    .isEqualTo(40);
            assertThat(stopped.rows("rejected")).isZero();
            assertThat(stopped.errors()).isEmpty();
            assertThat(project.syncLog(stopped.invocationId())).as("sync_log rows").isEmpty();
            assertThat(project.snapshotKeys()).isEmpty();
        }
    }

    private static void awaitRequests(FaultyReceiver receiver, int count, Duration timeout,
            Predicate<ReceivedRequest> counted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receiver.requests().stream().filter(counted).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the receiver saw only " + receiver.requests().size() + " requests in "
                        + timeout);
            }
            Thread.sleep(20);
        }
    }
}
