package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.rejectedExactly;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror mode under faults: changed rows and deletes go through the same retries and bisection as new rows. The
 * receiver fails the first attempt of every message (503) and refuses the delete of one key (422); the updates and the
 * other deletes are confirmed, the refused delete keeps its key in the snapshot and is the only thing the next run
 * sends.
 */
class MirrorUnderFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void deliversUpdatesAndDeletesThroughFailuresAndRetriesTheRefusedDeleteNextRun() {
        FaultProject project = FaultProject.create(dir, 100, "mirror");
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.ok())) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(4));
            counts(project.sync(), "success", 0, 100, 100, 0);

            project.sql("DELETE FROM main.contacts WHERE id > 90");
            project.sql("UPDATE main.contacts SET email = 'changed' || id || '@example.com' WHERE id <= 5");
            // key 95 left the model, so in this run it only travels in a delete
            receiver.answerWith(request -> request.attempt() == 1 ? Reply.status(503, "{\"error\":\"busy\"}")
                    : request.contains("95") ? Reply.status(422, "{\"error\":\"contact 95 has open invoices\"}")
                    : Reply.ok());
            int mark = receiver.mark();
            RunOutcome second = project.sync();

            counts(second, "warn", 0, 15, 14, 1);
            assertThat(second.rows("changed")).isEqualTo(5);
            assertThat(second.rows("removed")).isEqualTo(10);
            rejectedExactly(project, second, Map.of("95", "contact 95 has open invoices"));
            assertThat(project.syncLog(second.invocationId())).extracting(FaultProject.SyncLogRow::operation)
                    .containsExactly("delete");
            Set<String> expected = keys(1, 90);
            expected.add("95");
            sameKeys(project.snapshotKeys(), expected, "snapshot after the faulty run");
            List<ReceivedRequest> secondRequests = receiver.requestsSince(mark);
            assertThat(operations(secondRequests.stream().filter(ReceivedRequest::accepted).toList()))
                    .as("what the receiver accepted, by key")
                    .isEqualTo(expectedOperations());

            receiver.answerWith(request -> Reply.ok());
            mark = receiver.mark();
            RunOutcome third = project.sync();

            counts(third, "success", 0, 1, 1, 0);
            assertThat(FaultyReceiver.keysSeen(receiver.requestsSince(mark))).containsExactly("95");
            sameKeys(project.snapshotKeys(), keys(1, 90), "snapshot in the end");
        }
    }

    private static Map<String, String> expectedOperations() {
        Map<String, String> operations = new java.util.TreeMap<>();
        keys(1, 5).forEach(key -> operations.put(key, "update"));
        keys(91, 100).stream().filter(key -> !key.equals("95")).forEach(key -> operations.put(key, "delete"));
        return operations;
    }

    /** Key (as JSON: a number for the integer key, deletes included) to the {@code op} the body carried. */
    private static Map<String, String> operations(List<ReceivedRequest> requests) {
        Map<String, String> operations = new java.util.TreeMap<>();
        for (ReceivedRequest request : requests) {
            try {
                for (JsonNode row : JSON.readTree(request.body()).path("data").path("rows")) {
                    operations.put(row.path("key").toString(), row.path("op").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return operations;
    }

    private static Set<String> keys(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
