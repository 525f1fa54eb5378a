package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static dev.spoke.it.faults.FaultAssertions.nothingLost;
import static dev.spoke.it.faults.FaultAssertions.rejectedExactly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.Incoming;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 8, issue 5's "done when": a receiver that fails 30% of requests at random (429 with {@code Retry-After: 1},
 * or 503) and always refuses 3 particular rows, one by refusing any batch that holds it (422), two by naming them in a
 * 200 answer. A 20,000-row sync delivers every other row, names the 3 in run results and sync_log with the receiver's
 * reason, and a rerun sends those 3 rows and nothing else.
 */
class FlakyReceiverIT {
    private static final int ROWS = 20_000;
    private static final long SEED = 5L;
    private static final String BATCH_POISON = "4242";
    private static final String BATCH_POISON_REASON = "{\"error\":\"contact 4242 has an invalid phone number\"}";
    private static final Map<String, String> ROW_REFUSALS = Map.of(
            "777", "contact 777 unsubscribed",
            "13013", "contact 13013 is on the do-not-contact list");

    @TempDir
    Path dir;

    @Test
    void deliversEveryOtherRowAndTheRerunSendsOnlyTheThreeRefused() {
        FaultProject project = FaultProject.create(dir, ROWS);
        try (FaultyReceiver receiver = FaultyReceiver.start(FlakyReceiverIT::answer)) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(1000)
                    .delivery("max_attempts", 10)
                    .rateLimit("concurrency", 8));

            RunOutcome first = project.sync();

            Map<String, String> refused = Map.of(
                    BATCH_POISON, "HTTP 422: " + BATCH_POISON_REASON,
                    "777", ROW_REFUSALS.get("777"),
                    "13013", ROW_REFUSALS.get("13013"));
            counts(first, "warn", 0, ROWS, ROWS - 3, 3);
            Set<String> good = new LinkedHashSet<>(project.allKeys());
            good.removeAll(refused.keySet());
            deliveredExactly(project, receiver, good);
            rejectedExactly(project, first, refused);
            nothingLost(project, first);
            List<ReceivedRequest> requests = receiver.requests();
            assertThat(requests).filteredOn(request -> request.reply().status() == 429).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.reply().headers()).containsEntry("Retry-After", "1"));
            assertThat(requests).filteredOn(request -> request.reply().status() == 503).isNotEmpty();
            assertThat(requests.stream().filter(request -> request.reply().status() == 429
                    || request.reply().status() == 503).count() * 100.0 / requests.size())
                    .as("percentage of requests that failed").isBetween(15.0, 45.0);

            int mark = receiver.mark();
            RunOutcome rerun = project.sync();

            List<ReceivedRequest> rerunRequests = receiver.requestsSince(mark);
            assertThat(FaultyReceiver.keysSeen(rerunRequests)).as("keys the rerun sent")
                    .containsExactlyInAnyOrderElementsOf(refused.keySet());
            counts(rerun, "warn", 0, 3, 0, 3);
            rejectedExactly(project, rerun, refused);
            FaultAssertions.sameKeys(project.snapshotKeys(), good, "keys committed after the rerun");
        }
    }

    /**
     * 30% failures drawn per (message, attempt) from a seeded generator: 7% 429 (each pauses every request to the
     * receiver for a second, so they are kept few), 23% 503; then the three refusals.
     */
    private static Reply answer(Incoming request) {
        int roll = new Random(SEED ^ ((long) request.webhookId().hashCode() << 8) ^ request.attempt()).nextInt(100);
        if (roll < 7) {
            return Reply.throttled("1");
        }
        if (roll < 30) {
            return Reply.status(503, "{\"error\":\"overloaded\"}");
        }
        if (request.contains(BATCH_POISON)) {
            return Reply.status(422, BATCH_POISON_REASON);
        }
        return Reply.rejecting(request.keys().stream().filter(ROW_REFUSALS::containsKey)
                .map(key -> new Reply.Rejection(key, ROW_REFUSALS.get(key), false)).toList());
    }
}
