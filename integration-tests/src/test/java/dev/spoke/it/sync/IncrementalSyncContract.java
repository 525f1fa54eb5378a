package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.ExitCode;
import dev.spoke.it.support.CanonicalJson;
import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.InProcessSpoke;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.TestWarehouse;
import dev.spoke.it.support.WebhookReceiver;
import dev.spoke.state.Shard;
import dev.spoke.sync.ExportPlan;
import dev.spoke.sync.ExportStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's "done when", on one warehouse and state backend (each subclass picks them): only what changed is sent,
 * deletes in mirror mode, unmapped columns ignored, mapping changes resent, rejected rows retried, every mode,
 * invalid keys reported, plan, full refresh, state show and reset, shards. Each test has a model of its own, so
 * their exports (and snapshots) never meet; every assertion is by key and by value.
 */
abstract class IncrementalSyncContract {
    static final int ROWS = 10_000;
    static final String HOOK = "hook";
    static final List<Long> TEN = List.of(3L, 17L, 500L, 1001L, 2048L, 4999L, 5000L, 7777L, 9001L, 10_000L);
    static final List<Long> FIVE = List.of(1L, 42L, 4242L, 8888L, 9999L);

    @TempDir
    Path dir;

    final InProcessSpoke spoke = new InProcessSpoke();
    WebhookReceiver receiver;
    TestWarehouse warehouse;

    /** The warehouse the models of one test live in. */
    abstract TestWarehouse warehouse(Path testDir);

    /** Sets spoke.yml's state block for this backend. */
    abstract void configureState(TestProject project);

    /** Where the state tables are, once a sync ran: the warehouse, or the local state file. */
    abstract TestWarehouse stateDatabase(TestProject project);

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver();
        warehouse = warehouse(dir);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void firstRunSendsEveryRowThenOnlyWhatChangedAndMirrorDeletesWhatLeft() {
        CustomerTable customers = new CustomerTable(warehouse, "mirrored").create(ROWS);
        TestProject project = project(customers, destination("mirror"));
        String export = exportId(customers);

        InProcessSpoke.Run first = sync(project);
        assertSuccess(first, export);
        assertThat(first.rows(export, "read")).isEqualTo(ROWS);
        assertThat(first.rows(export, "added")).isEqualTo(ROWS);
        assertThat(first.rows(export, "delivered")).isEqualTo(ROWS);
        assertArrivedOnce(customers, LongStream.rangeClosed(1, ROWS).boxed().toList(), "insert");

        assertThat(sync(project).rows(export, "sent")).isZero();
        assertThat(receiver.messages()).as("a second run with nothing changed sends nothing").isEmpty();

        customers.changeEmails(TEN);
        InProcessSpoke.Run changed = sync(project);
        assertThat(changed.rows(export, "changed")).isEqualTo(10);
        assertThat(changed.rows(export, "added")).isZero();
        assertArrivedOnce(customers, TEN, "update");

        customers.delete(FIVE);
        InProcessSpoke.Run deleted = sync(project);
        assertThat(deleted.rows(export, "removed")).isEqualTo(5);
        assertThat(deleted.rows(export, "delivered")).isEqualTo(5);
        assertThat(keys(receiver.rows())).isEqualTo(texts(FIVE));
        assertThat(receiver.rows()).allSatisfy(row -> {
            assertThat(row.op()).isEqualTo("delete");
            assertThat(row.fields().toString()).isEqualTo("{\"id\":\"" + row.key() + "\"}");
        });
        assertThat(receiver.messages()).allSatisfy(message -> {
            assertThat(message.operation()).isEqualTo("delete");
            assertThat(message.type()).isEqualTo("spoke.rows.delete");
            assertThat(message.mode()).isEqualTo("mirror");
        });
        receiver.reset();

        assertThat(sync(project).rows(export, "sent")).isZero();
        assertThat(receiver.messages()).isEmpty();
    }

    @Test
    void aChangeToAnUnmappedColumnSendsNothingAndAMappingChangeResendsEveryRow() {
        CustomerTable customers = new CustomerTable(warehouse, "mapped").create(ROWS);
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("customer_id", "id");
        mapping.put("contact.email", "email");
        TestProject project = project(customers, destination("upsert", "mapping", mapping));
        String export = exportId(customers);

        sync(project);
        assertThat(receiver.rows()).hasSize(ROWS).allSatisfy(row -> assertThat(row.fields().toString())
                .isEqualTo("{\"customer_id\":" + row.key() + ",\"contact\":{\"email\":\"user" + row.key()
                        + "@example.com\"}}"));
        receiver.reset();

        customers.changeNotes(TEN);
        InProcessSpoke.Run unmapped = sync(project);
        assertThat(unmapped.rows(export, "read")).isZero();
        assertThat(receiver.messages()).as("the note is not mapped: nothing to send").isEmpty();

        mapping.put("score", "score");
        project.manifest().destinations(customers.name(), List.of(destination("upsert", "mapping", mapping)));
        project.write();
        InProcessSpoke.Run remapped = sync(project);
        assertThat(remapped.rows(export, "changed")).isEqualTo(ROWS);
        assertThat(keys(receiver.rows())).isEqualTo(allKeys());
        assertThat(receiver.rows()).allSatisfy(row -> {
            assertThat(row.op()).isEqualTo("update");
            assertThat(CanonicalJson.of(row.fields())).isEqualTo("{\"contact\":{\"email\":\"user" + row.key()
                    + "@example.com\"},\"customer_id\":" + row.key() + ",\"score\":" + customers.expected(
                    Long.parseLong(row.key())).get("score") + "}");
        });
        receiver.reset();
        assertThat(sync(project).rows(export, "sent")).isZero();
    }

    @Test
    void rowsTheDestinationRejectsAreLoggedAndSentAgainNextRunAlone() {
        CustomerTable customers = new CustomerTable(warehouse, "rejected").create(ROWS);
        TestProject project = project(customers, destination("upsert"));
        String export = exportId(customers);
        Map<String, String> reasons = Map.of("7", "unknown customer 7", "4321", "email bounced", "9876", "locked");
        reasons.forEach(receiver::reject);

        InProcessSpoke.Run first = sync(project);
        assertThat(first.report().exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(first.result(export).path("status").asText()).isEqualTo("warn");
        assertThat(first.rows(export, "sent")).isEqualTo(ROWS);
        assertThat(first.rows(export, "delivered")).isEqualTo(ROWS - 3);
        assertThat(first.rows(export, "rejected")).isEqualTo(3);
        assertThat(keys(receiver.accepted())).hasSize(ROWS - 3).doesNotContainAnyElementsOf(reasons.keySet());
        assertThat(errors(first.result(export))).containsExactlyInAnyOrder(
                "rejected insert 7: unknown customer 7", "rejected insert 4321: email bounced",
                "rejected insert 9876: locked");
        assertThat(syncLog(project, export, first.report().runId())).containsExactlyInAnyOrder(
                "rejected insert 7: unknown customer 7", "rejected insert 4321: email bounced",
                "rejected insert 9876: locked");
        receiver.reset();

        InProcessSpoke.Run second = sync(project);
        assertSuccess(second, export);
        assertThat(second.rows(export, "delivered")).isEqualTo(3);
        assertThat(keys(receiver.rows())).isEqualTo(reasons.keySet());
        assertArrivedOnce(customers, List.of(7L, 4321L, 9876L), "insert");

        assertThat(sync(project).rows(export, "sent")).isZero();
        assertThat(receiver.messages()).isEmpty();
    }

    @Test
    void aBatchRefusedWith422IsSplitUntilTheRowAtFaultAloneIsRejected() {
        CustomerTable customers = new CustomerTable(warehouse, "refused").create(1_000);
        TestProject project = project(customers, destination("upsert"));
        String export = exportId(customers);
        receiver.refuseWith422("555", "field email is not valid");

        InProcessSpoke.Run first = sync(project);
        assertThat(first.rows(export, "delivered")).isEqualTo(999);
        assertThat(first.rows(export, "rejected")).isEqualTo(1);
        assertThat(keys(receiver.accepted())).hasSize(999).doesNotContain("555");
        assertThat(first.result(export).path("errors").get(0).path("key").asText()).isEqualTo("555");
        assertThat(first.result(export).path("errors").get(0).path("reason").asText())
                .contains("422").contains("field email is not valid");
        assertThat(syncLog(project, export, first.report().runId())).singleElement().asString()
                .startsWith("rejected insert 555: ").contains("field email is not valid");
        receiver.reset();

        sync(project);
        assertThat(keys(receiver.rows())).containsExactly("555");
    }

    @Test
    void insertModeSendsOnlyNewKeys() {
        CustomerTable customers = new CustomerTable(warehouse, "inserted").create(ROWS);
        TestProject project = project(customers, destination("insert"));
        String export = exportId(customers);
        sync(project);
        assertThat(keys(receiver.rows())).isEqualTo(allKeys());
        receiver.reset();

        customers.changeEmails(TEN);
        customers.delete(FIVE);
        customers.insert(ROWS + 1, ROWS + 5);
        InProcessSpoke.Run second = sync(project);
        assertThat(second.rows(export, "added")).isEqualTo(5);
        assertThat(second.rows(export, "changed")).isZero();
        assertThat(second.rows(export, "removed")).isZero();
        assertArrivedOnce(customers, LongStream.rangeClosed(ROWS + 1, ROWS + 5).boxed().toList(), "insert");
        assertThat(receiver.messages()).allSatisfy(message -> assertThat(message.mode()).isEqualTo("insert"));
    }

    @Test
    void updateModeSendsOnlyChangesToKeysTheDestinationHas() {
        CustomerTable customers = new CustomerTable(warehouse, "updated").create(ROWS);
        TestProject project = project(customers, destination("upsert"));
        String export = exportId(customers);
        sync(project);
        receiver.reset();

        project.manifest().destinations(customers.name(), List.of(destination("update")));
        project.write();
        customers.changeEmails(TEN);
        customers.insert(ROWS + 1, ROWS + 5);
        InProcessSpoke.Run update = sync(project);
        assertThat(update.rows(export, "changed")).isEqualTo(10);
        assertThat(update.rows(export, "added")).isZero();
        assertArrivedOnce(customers, TEN, "update");
        assertThat(receiver.messages()).allSatisfy(message -> assertThat(message.mode()).isEqualTo("update"));
    }

    @Test
    void upsertModeNeverDeletes() {
        CustomerTable customers = new CustomerTable(warehouse, "upserted").create(1_000);
        TestProject project = project(customers, destination("upsert"));
        String export = exportId(customers);
        sync(project);
        receiver.reset();

        customers.delete(FIVE.subList(0, 3));
        InProcessSpoke.Run second = sync(project);
        assertThat(second.rows(export, "removed")).isZero();
        assertThat(receiver.messages()).isEmpty();
    }

    @Test
    void appendModeSendsEveryRowEveryRunWithIdempotencyKeysOfThatRun() {
        CustomerTable customers = new CustomerTable(warehouse, "appended").create(1_000);
        TestProject project = project(customers, destination("append"));
        String export = exportId(customers);
        sync(project);
        Map<String, String> firstKeys = idempotencyKeys(receiver.rows());
        assertThat(firstKeys).hasSize(1_000);
        receiver.reset();

        customers.delete(FIVE.subList(0, 2));
        InProcessSpoke.Run second = sync(project);
        assertThat(second.rows(export, "sent")).isEqualTo(998);
        assertThat(second.rows(export, "removed")).isZero();
        Map<String, String> secondKeys = idempotencyKeys(receiver.rows());
        assertThat(secondKeys.keySet()).isEqualTo(texts(LongStream.rangeClosed(1, 1_000)
                .filter(id -> id != 1 && id != 42).boxed().toList()));
        assertThat(receiver.rows()).allSatisfy(row -> {
            assertThat(row.op()).isEqualTo("insert");
            assertThat(row.idempotencyKey()).as("a new event each run").isNotEqualTo(firstKeys.get(row.key()));
        });
    }

    @Test
    void nullAndDuplicateKeysAreReportedInvalidWithTheirKeysAndNeverSent() {
        CustomerTable customers = new CustomerTable(warehouse, "bad_keys").create(1_000, false);
        customers.execute("INSERT INTO {t} SELECT NULL, email, full_name, score, updated_at, note FROM {t} WHERE id = 10");
        customers.execute("INSERT INTO {t} SELECT id, 'twin@example.com', full_name, score, updated_at, note FROM {t}"
                + " WHERE id = 20");
        TestProject project = project(customers, destination("upsert"));
        String export = exportId(customers);

        InProcessSpoke.Run first = sync(project);
        assertThat(first.rows(export, "invalid")).isEqualTo(3);
        assertThat(first.rows(export, "delivered")).isEqualTo(999);
        assertThat(first.result(export).path("status").asText()).isEqualTo("warn");
        assertThat(keys(receiver.rows())).hasSize(999).doesNotContain("20");
        assertThat(errors(first.result(export))).containsExactlyInAnyOrder(
                "invalid insert null: a key column (id) is NULL",
                "invalid insert 20: 2 rows share this key; keys must be unique",
                "invalid insert 20: 2 rows share this key; keys must be unique");
        assertThat(syncLog(project, export, first.report().runId())).containsExactlyInAnyOrder(
                "invalid insert null: a key column (id) is NULL",
                "invalid insert 20: 2 rows share this key; keys must be unique",
                "invalid insert 20: 2 rows share this key; keys must be unique");
        receiver.reset();

        customers.execute("DELETE FROM {t} WHERE id IS NULL OR email = 'twin@example.com'");
        InProcessSpoke.Run fixed = sync(project);
        assertThat(fixed.rows(export, "invalid")).isZero();
        assertArrivedOnce(customers, List.of(20L), "insert");
    }

    @Test
    void planAndStateShowChangeNoStateAndPlanShowsWhatASyncWouldSend() {
        CustomerTable customers = new CustomerTable(warehouse, "planned").create(ROWS);
        TestProject project = project(customers, destination("mirror"));
        String fresh = freshStateSchema(project);
        String export = exportId(customers);

        ExportPlan before = singlePlan(project);
        assertThat(before.error()).isNull();
        assertThat(before.counts().added()).isEqualTo(ROWS);
        assertThat(before.toSend()).isEqualTo(ROWS);
        assertThat(before.samples()).hasSize(3);
        assertThat(spoke.stateShow(project.request())).as("state show before the first sync").isEmpty();
        assertNoStateWasCreated(project, fresh);
        assertThat(receiver.messages()).isEmpty();

        sync(project);
        receiver.reset();
        customers.changeEmails(TEN);
        customers.delete(FIVE);
        customers.insert(ROWS + 1, ROWS + 3);
        ExportPlan plan = singlePlan(project);
        assertThat(plan.counts().added()).isEqualTo(3);
        assertThat(plan.counts().changed()).isEqualTo(10);
        assertThat(plan.counts().removed()).isEqualTo(5);
        assertThat(plan.counts().unchanged()).isEqualTo(ROWS - 15);
        assertThat(plan.toSend()).isEqualTo(18);
        assertThat(singlePlan(project).toSend()).as("planning twice plans the same").isEqualTo(18);
        assertThat(receiver.messages()).isEmpty();

        InProcessSpoke.Run run = sync(project);
        assertThat(run.rows(export, "sent")).isEqualTo(18);
        assertThat(receiver.rows()).hasSize(18);
    }

    @Test
    void fullRefreshResendsEveryRow() {
        CustomerTable customers = new CustomerTable(warehouse, "refreshed").create(ROWS);
        TestProject project = project(customers, destination("mirror"));
        String export = exportId(customers);
        sync(project);
        receiver.reset();

        InProcessSpoke.Run refresh = spoke.fullRefresh(project.request());
        assertSuccess(refresh, export);
        assertThat(refresh.rows(export, "sent")).isEqualTo(ROWS);
        assertArrivedOnce(customers, LongStream.rangeClosed(1, ROWS).boxed().toList(), "insert");

        assertThat(sync(project).rows(export, "sent")).isZero();
    }

    @Test
    void stateShowListsWhatEachDestinationHasAndResetForgetsIt() {
        CustomerTable customers = new CustomerTable(warehouse, "stated").create(1_000);
        CustomerTable others = new CustomerTable(warehouse, "stated_too").create(10);
        TestProject project = project(customers, destination("mirror"));
        project.manifest().model(others.name(), others.relation(), others.columns(), "id",
                List.of(destination("upsert")));
        project.write();
        String export = exportId(customers);
        sync(project);

        assertThat(stateRows(project, export, exportId(others))).containsOnly(
                Map.entry(export, 1_000L), Map.entry(exportId(others), 10L));
        Map<String, Object> shown = spoke.stateShow(project.request()).stream()
                .filter(row -> export.equals(row.get("export_id"))).findFirst().orElseThrow();
        assertThat(shown).containsEntry("destination", HOOK).containsEntry("mode", "mirror")
                .containsEntry("model", "model.spoke_sample." + customers.name());

        assertThat(spoke.stateReset(project.request("export:" + export))).containsExactly(export);
        assertThat(stateRows(project, export, exportId(others))).containsOnly(
                Map.entry(export, 0L), Map.entry(exportId(others), 10L));
        receiver.reset();

        InProcessSpoke.Run after = sync(project);
        assertThat(after.rows(export, "sent")).isEqualTo(1_000);
        assertThat(after.rows(exportId(others), "sent")).isZero();
        assertThat(keys(receiver.rows())).hasSize(1_000);
    }

    @Test
    void twoShardsTogetherDeliverExactlyTheWholeTableOnce() {
        CustomerTable customers = new CustomerTable(warehouse, "sharded").create(ROWS);
        TestProject project = project(customers, destination("mirror"));
        String export = exportId(customers);

        InProcessSpoke.Run zero = spoke.shard(project.request(), new Shard(0, 2));
        List<String> zeroKeys = keys(receiver.rows()).stream().toList();
        receiver.reset();
        InProcessSpoke.Run one = spoke.shard(project.request(), new Shard(1, 2));
        List<String> oneKeys = receiver.keys();
        receiver.reset();

        assertSuccess(zero, export);
        assertSuccess(one, export);
        assertThat(zeroKeys).hasSizeBetween(ROWS / 2 - 500, ROWS / 2 + 500).doesNotContainAnyElementsOf(oneKeys);
        List<String> all = new ArrayList<>(zeroKeys);
        all.addAll(oneKeys);
        assertThat(all).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(allKeys());

        customers.delete(FIVE);
        customers.changeEmails(TEN);
        spoke.shard(project.request(), new Shard(0, 2));
        spoke.shard(project.request(), new Shard(1, 2));
        assertThat(receiver.rows()).as("each change once, by the shard that owns its key").hasSize(15);
        assertThat(receiver.rows().stream().filter(row -> row.op().equals("delete")).map(WebhookReceiver.Row::key)
                .collect(Collectors.toSet())).isEqualTo(texts(FIVE));
        assertThat(receiver.rows().stream().filter(row -> row.op().equals("update")).map(WebhookReceiver.Row::key)
                .collect(Collectors.toSet())).isEqualTo(texts(TEN));
        receiver.reset();

        assertThat(sync(project).rows(export, "sent")).as("the shards left nothing for a whole run").isZero();
    }

    @Test
    void compositeKeysTravelAsObjectsAndAreRejectedAndDeletedByThem() {
        String table = warehouse.quoted(warehouse.relation("orders_by_tenant"));
        warehouse.execute("CREATE TABLE " + table + " (tenant text, order_id bigint, amount numeric(10,2))",
                "INSERT INTO " + table + " SELECT CASE WHEN i % 2 = 0 THEN 'acme' ELSE 'globex' END,"
                        + " CAST((i - i % 2) / 2 AS bigint),"
                        + " CAST(i * 0.25 AS numeric(10,2)) FROM " + warehouse.sql().series(1_000));
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("tenant", "text");
        columns.put("order_id", "bigint");
        columns.put("amount", "numeric(10,2)");
        TestProject project = new TestProject(dir.resolve("project"), warehouse)
                .webhook(HOOK, receiver, Map.of("batch_size", 250));
        configureState(project);
        project.manifest().model("orders_by_tenant", warehouse.relation("orders_by_tenant"), columns, "order_id",
                List.of(destination("mirror", "key", List.of("tenant", "order_id"))));
        project.write();
        String export = "orders_by_tenant__" + HOOK;
        receiver.reject("{\"tenant\":\"globex\",\"order_id\":\"7\"}", "closed account");

        InProcessSpoke.Run first = sync(project);
        assertThat(first.rows(export, "delivered")).isEqualTo(999);
        assertThat(keys(receiver.rows())).hasSize(1_000)
                .contains("{\"tenant\":\"acme\",\"order_id\":\"500\"}", "{\"tenant\":\"globex\",\"order_id\":\"0\"}");
        WebhookReceiver.Row row = receiver.rows().stream()
                .filter(r -> r.key().equals("{\"tenant\":\"acme\",\"order_id\":\"17\"}")).findFirst().orElseThrow();
        assertThat(CanonicalJson.of(row.fields())).isEqualTo("{\"amount\":8.50,\"order_id\":17,\"tenant\":\"acme\"}");
        assertThat(errors(first.result(export))).containsExactly("rejected insert (globex, 7): closed account");
        assertThat(syncLog(project, export, first.report().runId()))
                .containsExactly("rejected insert globex\u001f7: closed account");
        receiver.reset();

        warehouse.execute("DELETE FROM " + table + " WHERE order_id = 17");
        sync(project);
        assertThat(receiver.rows()).extracting(r -> r.op() + " " + r.key() + " " + r.fields()).containsExactlyInAnyOrder(
                "insert {\"tenant\":\"globex\",\"order_id\":\"7\"} {\"tenant\":\"globex\",\"order_id\":7,\"amount\":3.75}",
                "delete {\"tenant\":\"acme\",\"order_id\":\"17\"} {\"tenant\":\"acme\",\"order_id\":\"17\"}",
                "delete {\"tenant\":\"globex\",\"order_id\":\"17\"} {\"tenant\":\"globex\",\"order_id\":\"17\"}");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A project with one model, exported to the receiver's webhook connection. */
    TestProject project(CustomerTable customers, Map<String, Object> destination) {
        TestProject project = new TestProject(dir.resolve("project"), warehouse)
                .webhook(HOOK, receiver, Map.of("batch_size", 250));
        configureState(project);
        project.manifest().model(customers.name(), customers.relation(), customers.columns(), "id",
                List.of(destination));
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

    /** Points the project at a state schema nothing created yet (and writes it); returns the schema's name. */
    String freshStateSchema(TestProject project) {
        return project.stateSchema();
    }

    /** Checks that planning left no trace in the state store. */
    void assertNoStateWasCreated(TestProject project, String stateSchema) {
        assertThat(warehouse.schemaExists(stateSchema)).as("state schema %s after a plan", stateSchema).isFalse();
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
        TestWarehouse state = stateDatabase(project);
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
        List<WebhookReceiver.Row> rows = receiver.rows();
        assertThat(rows).as("rows received").hasSize(ids.size());
        Map<String, WebhookReceiver.Row> byKey = new HashMap<>();
        for (WebhookReceiver.Row row : rows) {
            assertThat(byKey.put(row.key(), row)).as("key %s twice", row.key()).isNull();
        }
        assertThat(byKey.keySet()).isEqualTo(texts(ids));
        List<String> wrong = new ArrayList<>();
        for (long id : ids) {
            WebhookReceiver.Row row = byKey.get(Long.toString(id));
            String expected = CanonicalJson.of(customers.expected(id));
            if (!row.op().equals(op) || !CanonicalJson.of(row.fields()).equals(expected)) {
                wrong.add(id + " " + row.op() + " " + CanonicalJson.of(row.fields()) + " expected " + op + " " + expected);
            }
        }
        assertThat(wrong).isEmpty();
        receiver.reset();
    }

    static Set<String> keys(List<WebhookReceiver.Row> rows) {
        Set<String> keys = new TreeSet<>();
        List<String> repeated = new ArrayList<>();
        for (WebhookReceiver.Row row : rows) {
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

    static Map<String, String> idempotencyKeys(List<WebhookReceiver.Row> rows) {
        Map<String, String> keys = new HashMap<>();
        rows.forEach(row -> assertThat(keys.put(row.key(), row.idempotencyKey())).isNull());
        return keys;
    }
}
