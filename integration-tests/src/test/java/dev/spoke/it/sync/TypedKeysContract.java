package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.ExitCode;
import dev.spoke.it.support.CanonicalJson;
import dev.spoke.it.support.InProcessSpoke;
import dev.spoke.it.support.TestProject;
import dev.spoke.sync.ExportPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's "a deleted bigint key arrives as a number", on the backend a subclass picks: row keys carry the model's
 * types in webhook bodies and JSON Lines, in {@code key} and in {@code fields}, for deletes exactly as for upserts; a
 * key column whose type changes so that delivered keys would read differently is refused until a full refresh.
 */
abstract class TypedKeysContract extends SyncScenario {
    /** Beyond 2^53: a receiver that reads JSON numbers as doubles would see it change, and one reading text sees it. */
    private static final long BIG = 9_007_199_254_740_992L;

    @Test
    void bigintAndCompositeKeysKeepTheirTypesInWebhookBodiesAndJsonLinesForUpsertsAndDeletes() {
        String table = warehouse.quoted(warehouse.relation("typed_keys"));
        warehouse.execute("CREATE TABLE " + table + " (id bigint, a integer, b text, note text)",
                "INSERT INTO " + table + " SELECT " + BIG + " + i, i, 'x', 'note ' || CAST(i AS text) FROM "
                        + warehouse.sql().series(20));
        TestProject project = typedKeysProject();
        String hook = "typed_keys__" + HOOK;
        String files = "typed_keys__files";

        assertSuccess(sync(project), hook);
        assertThat(receiver.rows()).hasSize(20).allSatisfy(row -> {
            assertThat(row.keyNode().isIntegralNumber()).as(row.key()).isTrue();
            assertThat(row.fields().get("id")).isEqualTo(row.keyNode());
        });
        assertThat(keys(receiver.rows())).contains(Long.toString(BIG + 1), Long.toString(BIG + 20));
        assertThat(jsonLines(project, files)).hasSize(20).contains("{\"a\":1,\"b\":\"x\"} insert "
                + "{\"a\":1,\"b\":\"x\",\"id\":" + (BIG + 1) + ",\"note\":\"note 1\"}");
        receiver.reset();

        warehouse.execute("DELETE FROM " + table + " WHERE a IN (1, 2)",
                "UPDATE " + table + " SET note = 'changed' WHERE a = 3");
        InProcessSpoke.Run second = sync(project);
        assertSuccess(second, hook);
        assertThat(receiver.rows()).extracting(row -> row.op() + " " + row.key() + " " + row.fields())
                .containsExactlyInAnyOrder(
                        "update " + (BIG + 3) + " {\"id\":" + (BIG + 3) + ",\"a\":3,\"b\":\"x\",\"note\":\"changed\"}",
                        "delete " + (BIG + 1) + " {\"id\":" + (BIG + 1) + "}",
                        "delete " + (BIG + 2) + " {\"id\":" + (BIG + 2) + "}");
        assertThat(jsonLines(project, files)).containsExactlyInAnyOrder(
                "{\"a\":3,\"b\":\"x\"} update {\"a\":3,\"b\":\"x\",\"id\":" + (BIG + 3) + ",\"note\":\"changed\"}",
                "{\"a\":1,\"b\":\"x\"} delete {\"a\":1,\"b\":\"x\"}",
                "{\"a\":2,\"b\":\"x\"} delete {\"a\":2,\"b\":\"x\"}");
    }

    @Test
    void aKeyTypeChangeThatKeepsDeliveredKeysIsTakenAndOneThatChangesThemIsRefusedUntilAFullRefresh() {
        keysTable("integer", 10);
        TestProject project = keysProject();
        String export = "retyped__" + HOOK;
        assertSuccess(sync(project), export);
        assertThat(keys(receiver.rows())).hasSize(10).contains("1", "10");
        receiver.reset();

        keysTable("bigint", 9);
        assertSuccess(sync(project), export);
        assertThat(receiver.rows()).extracting(row -> row.op() + " " + row.key() + " " + row.fields())
                .as("integer to bigint: the key delivered before is deleted as the number it was, nothing else sent")
                .containsExactly("delete 10 {\"id\":10}");
        receiver.reset();

        keysTable("text", 8);
        InProcessSpoke.Run retyped = sync(project);
        assertThat(retyped.report().exitCode()).isNotEqualTo(ExitCode.SUCCESS);
        assertThat(retyped.result(export).path("status").asText()).isEqualTo("error");
        assertThat(retyped.result(export).path("message").asText())
                .startsWith("export " + export + ": key column id was ")
                .contains("(keys as integers) when its rows were delivered and is ")
                .contains("(keys as strings) now, so deletes and updates would no longer name the rows delivered so"
                        + " far as the destination holds them")
                .endsWith("or send every row again with the new ones: spoke sync --full-refresh --select export:"
                        + export);
        assertThat(receiver.messages()).as("nothing is sent").isEmpty();
        List<ExportPlan> plans = spoke.plan(project.request());
        assertThat(plans.get(0).error()).as("plan says what sync would refuse").contains("key column id was ");

        assertSuccess(spoke.fullRefresh(project.request()), export);
        assertThat(receiver.rows()).hasSize(8).allSatisfy(row -> {
            assertThat(row.op()).isEqualTo("insert");
            assertThat(row.keyNode().isTextual()).as(row.key()).isTrue();
        });
        receiver.reset();

        keysTable("text", 7);
        assertSuccess(sync(project), export);
        assertThat(receiver.rows()).extracting(row -> row.op() + " " + row.key() + " " + row.fields())
                .containsExactly("delete \"8\" {\"id\":\"8\"}");
    }

    private TestProject typedKeysProject() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "bigint");
        columns.put("a", "integer");
        columns.put("b", "text");
        columns.put("note", "text");
        return project("typed_keys", columns, "id", List.of(destination("mirror"),
                        Map.of("to", "files", "mode", "mirror", "key", List.of("a", "b"))))
                .connection("files", Map.of("type", "file", "path", "out/{export}.jsonl", "overwrite", true))
                .write();
    }

    /** (Re)creates the table {@code retyped}: ids 1..rows, of {@code type}, as a dbt run that changed the model. */
    private void keysTable(String type, int rows) {
        String table = warehouse.quoted(warehouse.relation("retyped"));
        warehouse.execute("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " AS SELECT CAST(i AS " + type
                + ") AS id, 'note ' || CAST(i AS text) AS note FROM " + warehouse.sql().series(rows));
    }

    private TestProject keysProject() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "bigint");
        columns.put("note", "text");
        return project("retyped", columns, "id", List.of(destination("mirror")));
    }

    /** The rows of an export's JSON Lines file, each as {@code key op fields}, key and fields as canonical JSON. */
    private static List<String> jsonLines(TestProject project, String export) {
        try {
            List<String> rows = new ArrayList<>();
            for (String line : Files.readAllLines(project.dir().resolve("out/" + export + ".jsonl"),
                    StandardCharsets.UTF_8)) {
                JsonNode row = CanonicalJson.parse(line);
                rows.add(CanonicalJson.of(row.path("key")) + " " + row.path("op").asText() + " "
                        + CanonicalJson.of(row.path("fields")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
