package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.CanonicalJson;
import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.InProcessSpoke;
import dev.spoke.it.support.ReceivedRow;
import dev.spoke.it.support.TestProject;
import dev.spoke.state.Shard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's "done when", what gets sent, on the backend a subclass picks: the first run sends every row, a second
 * nothing, an update exactly the rows changed, mirror mode exactly the deletes; an unmapped column changes nothing, a
 * mapping change resends every row; insert, update, upsert and append modes; full refresh; shards; composite keys.
 */
abstract class ChangeDetectionContract extends SyncScenario {
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
            assertThat(row.keyNode().isIntegralNumber()).as("a bigint key deleted arrives as a number").isTrue();
            assertThat(row.fields().toString()).isEqualTo("{\"id\":" + row.key() + "}");
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
    void updateModeSendsEveryChangeAsAnUpdateAndNothingUnchanged() {
        CustomerTable customers = new CustomerTable(warehouse, "updated").create(ROWS);
        TestProject project = project(customers, destination("update"));
        String export = exportId(customers);
        InProcessSpoke.Run first = sync(project);
        assertThat(first.rows(export, "added")).isEqualTo(ROWS);
        assertThat(receiver.rows()).hasSize(ROWS).allSatisfy(row -> assertThat(row.op()).isEqualTo("update"));
        receiver.reset();

        customers.changeEmails(TEN);
        customers.insert(ROWS + 1, ROWS + 5);
        InProcessSpoke.Run second = sync(project);
        assertThat(second.rows(export, "changed")).isEqualTo(10);
        assertThat(second.rows(export, "added")).isEqualTo(5);
        List<Long> expected = new java.util.ArrayList<>(TEN);
        LongStream.rangeClosed(ROWS + 1, ROWS + 5).forEach(expected::add);
        assertArrivedOnce(customers, expected, "update");
        assertThat(receiver.messages()).allSatisfy(message -> assertThat(message.mode()).isEqualTo("update"));
        receiver.reset();

        assertThat(sync(project).rows(export, "sent")).isZero();
        assertThat(receiver.rows()).isEmpty();
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
    void twoShardsTogetherDeliverExactlyTheWholeTableOnce() {
        CustomerTable customers = new CustomerTable(warehouse, "sharded").create(ROWS, false);
        customers.execute("INSERT INTO {t} (id, email) VALUES (NULL, 'nobody@example.com')");
        TestProject project = project(customers, destination("mirror"));
        String export = exportId(customers);

        InProcessSpoke.Run zero = spoke.shard(project.request(), new Shard(0, 2));
        List<String> zeroKeys = keys(receiver.rows()).stream().toList();
        receiver.reset();
        InProcessSpoke.Run one = spoke.shard(project.request(), new Shard(1, 2));
        List<String> oneKeys = receiver.keys();
        receiver.reset();

        assertThat(zero.rows(export, "invalid")).as("the NULL key is reported by shard 0 only").isEqualTo(1);
        assertThat(one.rows(export, "invalid")).isZero();
        assertThat(zero.rows(export, "delivered") + one.rows(export, "delivered")).isEqualTo(ROWS);
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
        assertThat(receiver.rows().stream().filter(row -> row.op().equals("delete")).map(ReceivedRow::key)
                .collect(Collectors.toSet())).isEqualTo(texts(FIVE));
        assertThat(receiver.rows().stream().filter(row -> row.op().equals("update")).map(ReceivedRow::key)
                .collect(Collectors.toSet())).isEqualTo(texts(TEN));
        receiver.reset();

        InProcessSpoke.Run whole = sync(project);
        assertThat(whole.rows(export, "sent")).as("the shards left nothing for a whole run").isZero();
        assertThat(whole.rows(export, "invalid")).isEqualTo(1);
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
        TestProject project = project("orders_by_tenant", columns, "order_id",
                List.of(destination("mirror", "key", List.of("tenant", "order_id"))));
        String export = "orders_by_tenant__" + HOOK;
        receiver.reject("{\"tenant\":\"globex\",\"order_id\":7}", "closed account");

        InProcessSpoke.Run first = sync(project);
        assertThat(first.rows(export, "delivered")).isEqualTo(999);
        assertThat(keys(receiver.rows())).hasSize(1_000)
                .contains("{\"tenant\":\"acme\",\"order_id\":500}", "{\"tenant\":\"globex\",\"order_id\":0}");
        ReceivedRow row = receiver.rows().stream()
                .filter(r -> r.key().equals("{\"tenant\":\"acme\",\"order_id\":17}")).findFirst().orElseThrow();
        assertThat(CanonicalJson.of(row.fields())).isEqualTo("{\"amount\":8.50,\"order_id\":17,\"tenant\":\"acme\"}");
        assertThat(errors(first.result(export))).containsExactly("rejected insert (globex, 7): closed account");
        assertThat(syncLog(project, export, first.report().runId()))
                .containsExactly("rejected insert globex\u001f7: closed account");
        receiver.reset();

        warehouse.execute("DELETE FROM " + table + " WHERE order_id = 17");
        sync(project);
        assertThat(receiver.rows()).extracting(r -> r.op() + " " + r.key() + " " + r.fields())
                .containsExactlyInAnyOrder("insert {\"tenant\":\"globex\",\"order_id\":7}"
                        + " {\"tenant\":\"globex\",\"order_id\":7,\"amount\":3.75}",
                "delete {\"tenant\":\"acme\",\"order_id\":17} {\"tenant\":\"acme\",\"order_id\":17}",
                "delete {\"tenant\":\"globex\",\"order_id\":17} {\"tenant\":\"globex\",\"order_id\":17}");
    }
}
