package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 7: a destination down for the whole run, answering 503 to everything or refusing connections. The circuit
 * breaker opens after {@code circuit_breaker_failures} consecutive failures, so the receiver sees a bounded number of
 * requests, not one per batch and attempt; spoke stops reading the change set (the rows it had read are reported as
 * left for the next run, the others are not read out of the warehouse at all); the export fails (status error, exit
 * code 1), nothing is committed; the next run, with the receiver up, delivers everything.
 */
class DestinationDownIT {
    private static final int ROWS = 400;
    private static final int BATCH = 10;
    private static final int FAILURES = 5;
    private static final int CONCURRENCY = 4;

    @TempDir
    Path dir;

    @Test
    void opensTheCircuitOnAReceiverThatAlwaysAnswers503AndTheNextRunDeliversEverything() {
        FaultProject project = FaultProject.create(dir, ROWS);
        try (FaultyReceiver receiver = FaultyReceiver.start(
                request -> Reply.status(503, "{\"error\":\"maintenance\"}"))) {
            project.configure(config(receiver.url()));

            RunOutcome down = project.sync();

            assertDownRun(project, down, "HTTP 503");
            assertThat(receiver.requests().size()).as("requests to a receiver that is down")
                    .isBetween(FAILURES, FAILURES + CONCURRENCY);

            receiver.answerWith(request -> Reply.ok());
            int mark = receiver.mark();
            RunOutcome up = project.sync();

            counts(up, "success", 0, ROWS, ROWS, 0);
            deliveredExactly(project, receiver, project.allKeys());
            assertThat(receiver.requestsSince(mark)).as("one request per batch").hasSize(ROWS / BATCH);
        }
    }

    @Test
    void opensTheCircuitOnRefusedConnectionsAndTheNextRunDeliversEverything() throws IOException {
        FaultProject project = FaultProject.create(dir, ROWS);
        project.configure(config("http://127.0.0.1:" + closedPort() + "/hooks/faults"));

        RunOutcome down = project.sync();

        assertDownRun(project, down, "ConnectException");
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.ok())) {
            project.configure(config(receiver.url()));
            RunOutcome up = project.sync();

            counts(up, "success", 0, ROWS, ROWS, 0);
            deliveredExactly(project, receiver, project.allKeys());
            assertThat(receiver.requests()).hasSize(ROWS / BATCH);
        }
    }

    @Test
    void keepsWhatWasConfirmedBeforeTheReceiverWentDownMidRun() {
        FaultProject project = FaultProject.create(dir, ROWS);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> request.sequence() < 30
                ? Reply.ok() : Reply.status(502, "{\"error\":\"bad gateway\"}"))) {
            project.configure(config(receiver.url()));

            RunOutcome down = project.sync();

            Set<String> confirmed = receiver.acceptedKeys();
            assertThat(confirmed).hasSize(300);
            long sent = down.rows("sent");
            FaultAssertions.deferredCounts(project, down, "error", 1, sent, 300, sent - 300);
            assertThat(down.message()).contains("looks down", "HTTP 502");
            FaultAssertions.sameKeys(project.snapshotKeys(), confirmed, "keys committed before the outage");
            // Up to CONCURRENCY - 1 successful answers of the last good requests may arrive after the first failures
            // and end their streak, so the circuit may need up to that many more failures to open.
            assertThat(receiver.requests().size()).as("requests")
                    .isBetween(30 + FAILURES, 30 + FAILURES + 2 * CONCURRENCY);

            receiver.answerWith(request -> Reply.ok());
            int mark = receiver.mark();
            RunOutcome up = project.sync();

            Set<String> rest = new LinkedHashSet<>(project.allKeys());
            rest.removeAll(confirmed);
            counts(up, "success", 0, rest.size(), rest.size(), 0);
            FaultAssertions.sameKeys(FaultyReceiver.keysSeen(receiver.requestsSince(mark)), rest,
                    "keys the next run sent");
            deliveredExactly(project, receiver, project.allKeys());
        }
    }

    private static void assertDownRun(FaultProject project, RunOutcome down, String lastFailure) {
        long sent = down.rows("sent");
        FaultAssertions.deferredCounts(project, down, "error", 1, sent, 0, sent);
        assertThat(sent).as("rows read before the circuit opened").isBetween((long) FAILURES * BATCH, ROWS / 2L);
        assertThat(down.message()).as("the first failure, the counts, what happens next")
                .contains(lastFailure).containsAnyOf("looks down", "gave up after 3 attempts")
                .contains(sent + " deferred (not refused; sent again next run)")
                .endsWith("; changes not read yet go next run");
        assertThat(project.snapshotKeys()).as("rows committed while the receiver is down").isEmpty();
    }

    private static HookConfig config(String url) {
        return HookConfig.webhook(url).batchSize(BATCH)
                .delivery("max_attempts", 3)
                .delivery("circuit_breaker_failures", FAILURES)
                .delivery("connect_timeout", "1s")
                .rateLimit("concurrency", CONCURRENCY);
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
