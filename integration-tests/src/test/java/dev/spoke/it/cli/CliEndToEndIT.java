package dev.spoke.it.cli;

import static dev.spoke.it.cli.QuickstartIT.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.it.support.CanonicalJson;
import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.DuckDbWarehouse;
import dev.spoke.it.support.SpokeCli;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.WebhookReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built CLI as a user and an orchestrator run it, on a DuckDB project with one model exported to a webhook and
 * to a file: exit codes, the console summary, target/spoke_run_results.json, the file written, plan, state show and
 * reset, {@code --select}, {@code --full-refresh}, JSON logs, and SIGTERM.
 */
class CliEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 500;
    private static final String HOOK_EXPORT = "accounts__crm_hook";
    private static final String FILE_EXPORT = "accounts__files";

    @TempDir
    Path dir;

    private WebhookReceiver receiver;
    private DuckDbWarehouse warehouse;
    private CustomerTable accounts;
    private TestProject project;
    private SpokeCli cli;
    /** Every row the file export has delivered so far, as {@link #assertFileHoldsEarlierRowsAnd} compares them. */
    private final List<String> fileRows = new ArrayList<>();

    @BeforeEach
    void createProject() {
        receiver = new WebhookReceiver();
        warehouse = new DuckDbWarehouse(dir.resolve("warehouse.duckdb"));
        accounts = new CustomerTable(warehouse, "accounts").create(ROWS);
        project = new TestProject(dir.resolve("project"), warehouse)
                .webhook("crm_hook", receiver, Map.of("batch_size", 50))
                .connection("files", Map.of("type", "file", "path", "out/{export}.jsonl"));
        project.manifest().model("accounts", accounts.relation(), accounts.columns(), "id", List.of(
                Map.of("to", "crm_hook", "mode", "upsert"),
                Map.of("to", "files", "mode", "mirror")));
        project.write();
        cli = new SpokeCli(dir);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void syncPlanAndStateAsAUserRunsThem() throws IOException {
        SpokeCli.Result first = cli.run(project.cli("sync"));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(lines(first.stdout())).contains(
                "EXPORT STATUS READ SENT DELIVERED REJECTED DEFERRED INVALID TIME",
                "accounts -> crm_hook success 500 500 500 0 0 0",
                "accounts -> files success 500 500 500 0 0 0");
        assertThat(first.stdout()).contains("Done in ").contains(
                "2 succeeded, 0 with warnings, 0 failed, 0 skipped. Run results: "
                        + project.dir().resolve("target/spoke_run_results.json"));
        JsonNode results = project.runResults();
        assertThat(results.path("exit_code").asInt()).isZero();
        assertThat(results.path("metadata").path("invocation_id").asText()).isNotBlank();
        assertThat(results.path("metadata").path("dbt_invocation_id").asText())
                .isEqualTo("5b0f3c1e-8d2a-4c7b-9e61-2f4a7d9c0b13");
        assertThat(results.path("args").path("project_dir").asText()).isEqualTo(project.dir().toString());
        assertThat(counts(results)).containsExactly(
                Map.entry(HOOK_EXPORT, "success read=500 added=500 changed=0 removed=0 sent=500 delivered=500"
                        + " rejected=0 deferred=0 invalid=0"),
                Map.entry(FILE_EXPORT, "success read=500 added=500 changed=0 removed=0 sent=500 delivered=500"
                        + " rejected=0 deferred=0 invalid=0"));
        assertThat(receiver.keys()).hasSize(ROWS).doesNotHaveDuplicates();
        Map<Long, String> firstOps = new LinkedHashMap<>();
        LongStream.rangeClosed(1, ROWS).forEach(id -> firstOps.put(id, "insert"));
        assertFileHoldsEarlierRowsAnd(firstOps);
        receiver.reset();

        accounts.changeEmails(List.of(10L, 20L, 30L));
        accounts.delete(List.of(1L, 2L));
        JsonNode resultsBeforePlan = project.runResults();
        SpokeCli.Result plan = cli.run(project.cli("plan"));
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(lines(plan.stdout())).contains(
                "EXPORT MODE ADD CHANGE REMOVE INVALID UNCHANGED TO SEND",
                "accounts -> crm_hook upsert 0 3 0 0 495 3",
                "accounts -> files mirror 0 3 2 0 495 5");
        assertThat(plan.stdout()).contains(HOOK_EXPORT + " sample payloads:").contains("changed-10@example.com");
        SpokeCli.Result planJson = cli.run(project.cli("plan", "--output", "json"));
        JsonNode plans = JSON.readTree(planJson.stdout());
        assertThat(plans.get(1).path("export_id").asText()).isEqualTo(FILE_EXPORT);
        assertThat(plans.get(1).path("rows").toString()).isEqualTo("{\"total\":498,\"added\":0,\"changed\":3,"
                + "\"removed\":2,\"unchanged\":495,\"null_keys\":0,\"duplicate_keys\":0,\"pending\":0,\"to_send\":5}");
        assertThat(receiver.messages()).as("plan sends nothing").isEmpty();
        assertThat(project.runResults()).as("plan writes no run results").isEqualTo(resultsBeforePlan);

        SpokeCli.Result changed = cli.run(project.cli("sync", "--log-format", "json"));
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(receiver.keys()).containsExactlyInAnyOrder("10", "20", "30");
        assertThat(receiver.rows()).allSatisfy(row -> assertThat(row.op()).isEqualTo("update"));
        Map<Long, String> ops = new LinkedHashMap<>(Map.of(10L, "update", 20L, "update", 30L, "update",
                1L, "delete", 2L, "delete"));
        assertFileHoldsEarlierRowsAnd(ops);
        assertThat(changed.stderr().lines()).isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line)
                .path("event").asText()).isNotBlank());
        assertThat(changed.stdout()).as("JSON logs leave stdout to results").doesNotContain("Done in");

        SpokeCli.Result show = cli.run(project.cli("state show"));
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(lines(show.stdout())).anySatisfy(line -> assertThat(line).startsWith(
                HOOK_EXPORT + " model.spoke_sample.accounts crm_hook upsert 500 "))
                .anySatisfy(line -> assertThat(line).startsWith(
                        FILE_EXPORT + " model.spoke_sample.accounts files mirror 498 "));

        SpokeCli.Result unselected = cli.run(project.cli("state reset"));
        assertThat(unselected.exitCode()).isEqualTo(2);
        assertThat(unselected.stderr()).contains("spoke state reset needs --select (which exports) or --all")
                .doesNotContain("Exception");
        SpokeCli.Result reset = cli.run(project.cli("state reset", "--select", "export:" + FILE_EXPORT));
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.stdout()).isEqualTo("reset " + FILE_EXPORT + ": the next sync sends every row again\n");
        receiver.reset();

        SpokeCli.Result selected = cli.run(project.cli("sync", "--select", "export:" + FILE_EXPORT));
        assertThat(selected.exitCode()).as(selected.toString()).isZero();
        assertThat(lines(selected.stdout())).contains("accounts -> files success 498 498 498 0 0 0")
                .noneMatch(line -> line.startsWith("accounts -> crm_hook"));
        assertThat(counts(project.runResults())).containsOnlyKeys(FILE_EXPORT);
        assertThat(receiver.messages()).isEmpty();
        Map<Long, String> inserts = new LinkedHashMap<>();
        LongStream.rangeClosed(3, ROWS).forEach(id -> inserts.put(id, "insert"));
        assertFileHoldsEarlierRowsAnd(inserts);

        SpokeCli.Result refresh = cli.run(project.cli("sync", "--full-refresh", "--select", "export:" + HOOK_EXPORT));
        assertThat(refresh.exitCode()).as(refresh.toString()).isZero();
        assertThat(lines(refresh.stdout())).contains("accounts -> crm_hook success 498 498 498 0 0 0");
        assertThat(receiver.keys()).hasSize(498).doesNotHaveDuplicates().doesNotContain("1", "2");
        assertThat(receiver.rows()).allSatisfy(row -> assertThat(CanonicalJson.of(row.fields()))
                .isEqualTo(CanonicalJson.of(accounts.expected(Long.parseLong(row.key())))));
    }

    @Test
    void exitCodesSayWhatHappened() throws IOException {
        project.webhook("crm_hook", receiver, Map.of("batch_size", 50, "delivery", Map.of("max_rejected_rows", 1)))
                .write();
        receiver.reject("7", "unknown account").reject("77", "unknown account").reject("277", "unknown account");
        SpokeCli.Result rejected = cli.run(project.cli("sync"));
        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(1);
        assertThat(lines(rejected.stdout())).contains("accounts -> crm_hook error 500 500 497 3 0 0",
                "accounts -> crm_hook: 3 rows rejected or invalid, more than max_rejected_rows (1)",
                "rejected key 7 (insert): unknown account", "rejected key 77 (insert): unknown account",
                "rejected key 277 (insert): unknown account");
        JsonNode results = project.runResults();
        assertThat(results.path("exit_code").asInt()).isEqualTo(1);
        assertThat(counts(results).get(HOOK_EXPORT)).startsWith("error ").contains("rejected=3");
        assertThat(counts(results).get(FILE_EXPORT)).startsWith("success ");

        project.manifest().destinations("accounts", List.of(Map.of("to", "nowhere")));
        project.write();
        SpokeCli.Result config = cli.run(project.cli("sync"));
        assertThat(config.exitCode()).as(config.toString()).isEqualTo(2);
        assertThat(config.stderr()).contains("accounts").contains("nowhere").contains("models/marts/schema.yml")
                .doesNotContain("\tat ").doesNotContain("Exception");

        project.manifest().destinations("accounts", List.of(Map.of("to", "files")));
        project.write();
        Files.move(warehouse.file(), dir.resolve("moved.duckdb"));
        SpokeCli.Result runtime = cli.run(project.cli("sync"));
        assertThat(runtime.exitCode()).as(runtime.toString()).isEqualTo(3);
        assertThat(runtime.stderr()).contains("the DuckDB database " + warehouse.file()).contains("does not exist")
                .contains("hint: run `dbt run` to build it")
                .doesNotContain("\tat ");

        SpokeCli.Result usage = cli.run(project.cli("sync", "--shard", "2/2"));
        assertThat(usage.exitCode()).as(usage.toString()).isEqualTo(2);
        assertThat(usage.stderr()).contains("a shard is i/n with 0 <= i < n, got 2/2");
    }

    @Test
    void sigtermFinishesTheBatchesInFlightCommitsThemAndExitsWith6() throws InterruptedException {
        receiver.holdAfter(2);
        SpokeCli.Running running = cli.start(project.cli("sync", "--select", "export:" + HOOK_EXPORT));
        assertThat(receiver.awaitMessages(3, Duration.ofSeconds(60))).as(running.stderrSoFar()).isTrue();
        running.process().destroy();
        Thread.sleep(500);
        receiver.release();
        SpokeCli.Result stopped = running.await(Duration.ofSeconds(60));

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(6);
        JsonNode result = project.runResults().path("results").get(0);
        assertThat(result.path("status").asText()).isEqualTo("interrupted");
        long delivered = result.path("rows").path("delivered").asLong();
        assertThat(delivered).as("answered before the stop, or in flight").isEqualTo(receiver.accepted().size());
        assertThat(delivered).isLessThan(ROWS);
        List<String> firstKeys = receiver.keys();
        receiver.reset();

        SpokeCli.Result rest = cli.run(project.cli("sync", "--select", "export:" + HOOK_EXPORT));
        assertThat(rest.exitCode()).as(rest.toString()).isZero();
        assertThat(receiver.keys()).hasSize(ROWS - (int) delivered).doesNotContainAnyElementsOf(firstKeys);
    }

    /** export id to {@code status read=.. added=.. ...} of every result. */
    private static Map<String, String> counts(JsonNode results) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (JsonNode result : results.path("results")) {
            StringBuilder text = new StringBuilder(result.path("status").asText());
            result.path("rows").properties().forEach(entry -> text.append(' ').append(entry.getKey()).append('=')
                    .append(entry.getValue().asLong()));
            counts.put(result.path("export_id").asText(), text.toString());
        }
        return counts;
    }

    /**
     * The JSON Lines file of the file export holds exactly the rows every earlier run delivered (appended, none lost)
     * and these rows of the last run (id to op), each with its values as they are now, a delete with its key field
     * only; the key, in {@code key} and in the fields, is the bigint's number.
     */
    private void assertFileHoldsEarlierRowsAnd(Map<Long, String> ops) throws IOException {
        Path file = project.dir().resolve("out/" + FILE_EXPORT + ".jsonl");
        ops.forEach((id, op) -> fileRows.add(id + " " + op + " " + (op.equals("delete")
                ? "{\"id\":" + id + "}" : CanonicalJson.of(accounts.expected(id)))));
        List<String> expected = fileRows;
        List<String> actual = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode row = CanonicalJson.parse(line);
            actual.add(row.path("key").toString() + " " + row.path("op").asText() + " "
                    + CanonicalJson.of(row.path("fields")));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
}
