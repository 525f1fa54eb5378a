package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.dbt.Relation;
import dev.spoke.it.support.CanonicalJson;
import dev.spoke.it.support.ReceivedMessage;
import dev.spoke.it.support.ReceivedRow;
import dev.spoke.it.support.SpokeCli;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.TestWarehouse;
import dev.spoke.it.support.TypedModel;
import dev.spoke.it.support.WebhookReceiver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Issue 3's "done when": a 100,000-row model declared in a dbt manifest arrives complete and exact at a local
 * webhook receiver, through the CLI jar run with a 64 MB heap, less than the payload it sends: every key once, every
 * value as stored, types included. Prints the rows per second it measured.
 */
abstract class LargeModelDelivery {
    static final int ROWS = 100_000;
    static final int BATCH_SIZE = 100;
    static final String HEAP = "-Xmx64m";
    static final long HEAP_BYTES = 64L * 1024 * 1024;

    /** Sends the model with {@code spoke sync} and checks every row the receiver got. */
    void deliversEveryRowExactlyWithABoundedHeap(TestWarehouse warehouse, Path work) {
        Relation relation = warehouse.relation("typed_rows");
        TypedModel.create(warehouse, relation, ROWS);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestProject project = new TestProject(work.resolve("project"), warehouse)
                    .webhook("receiver", receiver, Map.of("batch_size", BATCH_SIZE));
            project.manifest().model("typed_rows", relation, TypedModel.columns(warehouse), "id",
                    List.of(Map.of("to", "receiver", "key", "id")));
            project.write();

            SpokeCli.Result result = new SpokeCli(work).jvm(HEAP).run(project.cli("sync"));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<ReceivedRow> rows = receiver.rows();
            assertThat(rows).hasSize(ROWS);
            Set<String> keys = new HashSet<>();
            List<String> repeated = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (ReceivedRow row : rows) {
                if (!keys.add(row.key())) {
                    repeated.add(row.key());
                }
                long i = TypedModel.row(row.key());
                String expected = CanonicalJson.of(TypedModel.expected(i));
                String actual = CanonicalJson.of(row.fields());
                if (!expected.equals(actual) || !"insert".equals(row.op())) {
                    wrong.add("row " + i + " (" + row.op() + ")\n  expected " + expected + "\n  actual   " + actual);
                }
            }
            assertThat(repeated).as("keys that arrived more than once").isEmpty();
            assertThat(wrong).as("rows that did not arrive as stored").isEmpty();
            Set<String> missing = new HashSet<>();
            for (long i = 1; i <= ROWS; i++) {
                if (!keys.contains(TypedModel.key(i))) {
                    missing.add(TypedModel.key(i));
                }
            }
            assertThat(missing).as("keys that never arrived").isEmpty();
            long bytes = receiver.messages().stream().mapToLong(ReceivedMessage::bytes).sum();
            assertThat(bytes).as("the rows sent weigh more than the sender's whole heap").isGreaterThan(HEAP_BYTES);
            assertThat(receiver.messages()).hasSize(ROWS / BATCH_SIZE)
                    .allSatisfy(message -> assertThat(message.rows()).hasSize(BATCH_SIZE));
            assertThat(receiver.maxInFlight()).as("requests in flight (the connection's default concurrency)")
                    .isLessThanOrEqualTo(4);

            assertThat(result.stdout()).contains("typed_rows -> receiver").contains("success");
            JsonNode exportResult = project.runResults().path("results").get(0);
            assertThat(exportResult.path("rows").path("delivered").asLong()).isEqualTo(ROWS);
            double processSeconds = result.elapsed().toNanos() / 1e9;
            double syncSeconds = exportResult.path("execution_time").asDouble();
            System.out.printf(Locale.ROOT, "THROUGHPUT %s: %,d rows (%.1f MB of JSON, batches of %d) with %s:"
                            + " %,.0f rows/s in the export (%.1f s), %,.0f rows/s for the whole process (%.1f s)%n",
                    warehouse.adapterType(), ROWS, bytes / 1e6, BATCH_SIZE, HEAP, ROWS / syncSeconds, syncSeconds,
                    ROWS / processSeconds, processSeconds);
        }
    }
}
