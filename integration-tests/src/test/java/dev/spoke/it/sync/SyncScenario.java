package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.ExitCode;
import dev.spoke.it.support.CanonicalJson;
import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.InProcessSpoke;
import dev.spoke.it.support.ReceivedRow;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.TestWarehouse;
import dev.spoke.it.support.WebhookReceiver;
import dev.spoke.sync.ExportPlan;
import dev.spoke.sync.ExportStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sync contracts share: a webhook receiver, spoke run in process, the warehouse of one test (from the
 * {@link SyncBackend} a subclass picks), a project per test, and assertions by key and by value. Each test has a
 * model of its own, so exports (and snapshots) of different tests never meet.
 */
abstract class SyncScenario {
    static final int ROWS = 10_000;
    static final String HOOK = "hook";
    static final List<Long> TEN = List.of(3L, 17L, 500L, 1001L, 2048L, 4999L, 5000L, 7777L, 9001L, 10_000L);
    static final List<Long> FIVE = List.of(1L, 42L, 4242L, 8888L, 9999L);

    @TempDir
    Path dir;

    final InProcessSpoke spoke = new InProcessSpoke();
    WebhookReceiver receiver;
    TestWarehouse warehouse;

    /** The warehouse and state backend this class runs on. */
    abstract SyncBackend backend();

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver();
        warehouse = backend().warehouse(dir);
    }

    @AfterEach
    void stop() {
        receiver.close();
        backend().cleanUp(warehouse);
    }

    /** A project with one model, exported to the receiver's webhook connection. */
    TestProject project(CustomerTable customers, Map<String, Object> destination) {
        return project(customers.name(), customers.columns(), "id", List.of(destination));
    }

    /**
     * A project with one model of the table {@code model} of this test, its columns (name to dbt data type) and
     * unique key as given, exported to {@code destinations}; the receiver's webhook is connection {@link #HOOK}.
     */
    TestProject project(String model, Map<String, String> columns, String uniqueKey, List<?> destinations) {
        TestProject project = new TestProject(dir.resolve("project"), warehouse)
                .webhook(HOOK, receiver, Map.of("batch_size", 250));
        backend().configureState(project);
        project.manifest().model(model, warehouse.relation(model), columns, uniqueKey, destinations);
        return project.write();
    }

    static Map<String, Object> destination(String mode, Object... more) {
        Map<String, Object> destination = new LinkedHashMap<>();
        destination.put("to", HOOK);
        destination.put("mode", mode);
        destination.put("key", "id");
        for (int i = 0; i < more.length; i += 2) {
            destination.put((String) more[i], more[i + 1]);
        }
        return destination;
    }

    static String exportId(CustomerTable customers) {
        return customers.name() + "__" + HOOK;
    }

    InProcessSpoke.Run sync(TestProject project) {
        return spoke.sync(project.request());
    }

    ExportPlan singlePlan(TestProject project) {
        List<ExportPlan> plans = spoke.plan(project.request());
        assertThat(plans).hasSize(1);
        return plans.get(0);
    }

    /** Export id to snapshot rows of these exports, from {@code spoke state show}. */
    Map<String, Long> stateRows(TestProject project, String... exports) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Map<String, Object> export : spoke.stateShow(project.request())) {
            if (!List.of(exports).contains(String.valueOf(export.get("export_id")))) {
                continue;
            }
            rows.put(String.valueOf(export.get("export_id")), ((Number) export.get("rows")).longValue());
        }
        return rows;
    }

    /** sync_log rows of one run of one export, as {@code status operation key: error}. */
    List<String> syncLog(TestProject project, String export, String runId) {
        TestWarehouse state = backend().stateDatabase(project, warehouse);
        String schema = state.quoted(project.stateSchema());
        List<String> entries = new ArrayList<>();
        for (Map<String, Object> row : state.query("SELECT status, operation, row_key, error FROM " + schema
                + ".sync_log WHERE export_id = '" + export + "' AND run_id = '" + runId + "'")) {
            entries.add(row.get("status") + " " + row.get("operation") + " " + row.get("row_key") + ": "
                    + row.get("error"));
        }
        return entries;
    }

    static List<String> errors(JsonNode result) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : result.path("errors")) {
            errors.add(error.path("kind").asText() + " " + error.path("operation").asText() + " "
                    + (error.path("key").isNull() ? "null" : error.path("key").asText()) + ": "
                    + error.path("reason").asText());
        }
        return errors;
    }

    static void assertSuccess(InProcessSpoke.Run run, String export) {
        assertThat(run.report().exitCode()).as(run.runResults().toPrettyString()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.report().results()).allSatisfy(result -> assertThat(result.status())
                .as(result.message()).isEqualTo(ExportStatus.SUCCESS));
        assertThat(run.result(export).path("status").asText()).isEqualTo("success");
    }

    /** The receiver got exactly these ids, each once, with this op and the row's current values; then resets it. */
    void assertArrivedOnce(CustomerTable customers, List<Long> ids, String op) {
        List<ReceivedRow> rows = receiver.rows();
        assertThat(rows).as("rows received").hasSize(ids.size());
        Map<String, ReceivedRow> byKey = new HashMap<>();
        for (ReceivedRow row : rows) {
            assertThat(byKey.put(row.key(), row)).as("key %s twice", row.key()).isNull();
        }
        assertThat(byKey.keySet()).isEqualTo(texts(ids));
        List<String> wrong = new ArrayList<>();
        for (long id : ids) {
            ReceivedRow row = byKey.get(Long.toString(id));
            String expected = CanonicalJson.of(customers.expected(id));
            if (!row.op().equals(op) || !CanonicalJson.of(row.fields()).equals(expected)) {
                wrong.add(id + " " + row.op() + " " + CanonicalJson.of(row.fields()) + " expected " + op + " "
                        + expected);
            }
        }
        assertThat(wrong).isEmpty();
        receiver.reset();
    }

    static Set<String> keys(List<ReceivedRow> rows) {
        Set<String> keys = new TreeSet<>();
        List<String> repeated = new ArrayList<>();
        for (ReceivedRow row : rows) {
            if (!keys.add(row.key())) {
                repeated.add(row.key());
            }
        }
        assertThat(repeated).as("keys received twice").isEmpty();
        return keys;
    }

    static Set<String> texts(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> allKeys() {
        return texts(LongStream.rangeClosed(1, ROWS).boxed().toList());
    }

    static Map<String, String> idempotencyKeys(List<ReceivedRow> rows) {
        Map<String, String> keys = new HashMap<>();
        rows.forEach(row -> assertThat(keys.put(row.key(), row.idempotencyKey())).isNull());
        return keys;
    }
}
