package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.sameKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI jar killed with SIGKILL mid-run (no graceful stop: an OOM kill, a lost node). What it committed is what the
 * receiver confirmed, never more; the next run takes over the dead run's lock at once, sends every row not committed
 * (at least once: rows confirmed but not yet committed when the process died go again) with the same per-row
 * idempotency keys, so the receiver can drop the repeats; in the end every row is delivered and committed.
 */
class CrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 200;

    @TempDir
    Path dir;

    @Test
    void aKilledRunLosesNothingAndTheNextRunResendsWithTheSameIdempotencyKeys() throws InterruptedException {
        FaultProject project = FaultProject.create(dir, ROWS);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.ok().delayedBy(Duration.ofMillis(300)))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10).rateLimit("concurrency", 2));

            SpokeProcess spoke = SpokeProcess.sync(project);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (receiver.requests().stream().filter(ReceivedRequest::accepted).count() < 6) {
                assertThat(System.nanoTime()).as("time waiting for the first requests").isLessThan(deadline);
                Thread.sleep(20);
            }
            spoke.kill();
            assertThat(spoke.awaitExit(Duration.ofSeconds(30))).as("exit code of a killed process").isEqualTo(137);

            Set<String> committed = project.snapshotKeys();
            List<ReceivedRequest> beforeKill = receiver.requests();
            Set<String> confirmed = FaultyReceiver.acceptedKeys(beforeKill);
            assertThat(confirmed).as("rows the receiver confirmed").containsAll(committed);

            receiver.answerWith(request -> Reply.ok());
            int mark = receiver.mark();
            RunOutcome rerun = project.sync();

            Set<String> rest = new LinkedHashSet<>(project.allKeys());
            rest.removeAll(committed);
            counts(rerun, "success", 0, rest.size(), rest.size(), 0);
            assertThat(rerun.log()).contains("recovered the lock");
            List<ReceivedRequest> afterKill = receiver.requestsSince(mark);
            sameKeys(FaultyReceiver.keysSeen(afterKill), rest, "keys the next run sent");
            sameKeys(project.snapshotKeys(), project.allKeys(), "keys committed in the end");
            Map<String, String> firstKeys = idempotencyKeys(beforeKill);
            Map<String, String> secondKeys = idempotencyKeys(afterKill);
            firstKeys.keySet().retainAll(secondKeys.keySet());
            assertThat(firstKeys).as("rows the receiver got before the kill (answer still on its way) and again")
                    .isNotEmpty();
            firstKeys.forEach((key, idempotencyKey) -> assertThat(secondKeys.get(key))
                    .as("idempotency key of row " + key + " sent again").isEqualTo(idempotencyKey));
        }
    }

    /** Row key to the idempotency key its body carried. */
    private static Map<String, String> idempotencyKeys(List<ReceivedRequest> requests) {
        Map<String, String> keys = new HashMap<>();
        for (ReceivedRequest request : requests) {
            try {
                for (JsonNode row : JSON.readTree(request.body()).path("data").path("rows")) {
                    keys.put(row.path("key").asText(), row.path("idempotency_key").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }
}
