package dev.spoke.it.ops;

import static dev.spoke.it.ops.SpokeProcess.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness gating against dbt's real run_results.json: dbt-bouncer's manifest and run results come from one dbt
 * 1.11 invocation ({@value BouncerProject#INVOCATION}). In it, {@code orders} was built and {@code tiktok_ads__ad_report}
 * was not. The real fixture has no failed model, so one test copies it and sets {@code orders}' status to
 * {@code error} with a dbt error message, as dbt writes a failed model.
 */
class FreshnessGatingIT {
    private static final String FAILED_MESSAGE = "Runtime Error in model orders (models/marts/orders.sql)\n"
            + "  Conversion Error: Could not convert string 'abc' to INT32";

    @TempDir
    Path dir;
    private BouncerProject project;

    @BeforeEach
    void project() throws Exception {
        project = BouncerProject.in(dir)
                .spokeYml("connections:\n  out_files: { type: file, path: \"out/{export}.jsonl\" }\n")
                .export(BouncerProject.ORDERS, "[{\"to\": \"out_files\", \"key\": \"order_id_pk\"}]")
                .export(BouncerProject.TIKTOK_AD_REPORT, "[{\"to\": \"out_files\", \"key\": \"ad_id\"}]")
                .writeManifest()
                .ordersTable(5, false);
    }

    private JsonNode runResultsOf(String exportId) throws Exception {
        for (JsonNode result : BouncerProject.readJson(dir.resolve("target/spoke_run_results.json")).path("results")) {
            if (result.path("export_id").asText().equals(exportId)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + exportId);
    }

    @Test
    void aModelNotBuiltInDbtsInvocationIsSkippedAsStaleAndTheBuiltOneIsSent() throws Exception {
        project.runResults("bouncer-v6-duckdb.json", "target/run_results.json", results -> { });

        SpokeProcess.Result run = SpokeProcess.run(dir, Map.of(), "sync");

        assertExit(run, 0);
        JsonNode stale = runResultsOf("tiktok_ads__ad_report__out_files");
        assertThat(stale.path("status").asText()).isEqualTo("skipped");
        assertThat(stale.path("skip_reason").asText()).isEqualTo("stale");
        assertThat(stale.path("message").asText()).contains("model tiktok_ads__ad_report was not built by dbt"
                + " invocation " + BouncerProject.INVOCATION);
        assertThat(runResultsOf("orders__out_files").path("rows").path("delivered").asLong()).isEqualTo(5);
        assertThat(run.stdout()).contains("tiktok_ads__ad_report -> out_files: stale: model tiktok_ads__ad_report"
                + " was not built");
        assertThat(Files.readAllLines(dir.resolve("out/orders__out_files.jsonl"))).hasSize(5);
    }

    @Test
    void anExportWhoseModelFailedInThatRunIsSkippedWithDbtsErrorAndAllStaleExitsFive() throws Exception {
        project.runResults("bouncer-v6-duckdb.json", "target/run_results.json", results -> {
            for (JsonNode result : results.path("results")) {
                if (result.path("unique_id").asText().equals(BouncerProject.ORDERS)) {
                    ((ObjectNode) result).put("status", "error").put("message", FAILED_MESSAGE);
                }
            }
        });

        SpokeProcess.Result run = SpokeProcess.run(dir, Map.of(), "sync");

        assertExit(run, 5);
        JsonNode orders = runResultsOf("orders__out_files");
        assertThat(orders.path("status").asText()).isEqualTo("skipped");
        assertThat(orders.path("skip_reason").asText()).isEqualTo("stale");
        assertThat(orders.path("message").asText()).isEqualTo("stale: model orders did not succeed in dbt invocation "
                + BouncerProject.INVOCATION + " (status error: Runtime Error in model orders (models/marts/orders.sql)"
                + " Conversion Error: Could not convert string 'abc' to INT32); not sent: fix the model and rebuild"
                + " it, or pass --allow-stale to send what the table holds anyway");
        assertThat(orders.path("rows").path("read").asLong()).isZero();
        assertThat(run.stdout()).contains("orders -> out_files: stale: model orders did not succeed");
        assertThat(run.stderr()).contains("WARN   orders__out_files: stale: model orders did not succeed");
        assertThat(dir.resolve("out/orders__out_files.jsonl")).doesNotExist();

        SpokeProcess.Result allowed = SpokeProcess.run(dir, Map.of(), "sync", "--allow-stale", "--select", "orders");
        assertExit(allowed, 0);
        assertThat(Files.readAllLines(dir.resolve("out/orders__out_files.jsonl"))).hasSize(5);
    }

    @Test
    void runResultsOfAnotherInvocationAreNamedAndRefusedUnlessStaleIsAllowed() throws Exception {
        project.runResults("dbtcore-v6-postgres.json", "elsewhere/run_results.json", results -> { });
        Path other = dir.resolve("elsewhere/run_results.json");

        SpokeProcess.Result refused = SpokeProcess.run(dir, Map.of(), "sync", "--run-results", other.toString());

        assertExit(refused, 2);
        assertThat(refused.stderr()).contains("the manifest and " + other + " come from different dbt invocations"
                + " (manifest " + BouncerProject.INVOCATION + ", run results ca07d2ca-054f-4ea1-be63-4acccfe4a6a7)");
        assertThat(dir.resolve("target/spoke_run_results.json")).doesNotExist();

        SpokeProcess.Result allowed = SpokeProcess.run(dir, Map.of(), "sync", "--run-results", other.toString(),
                "--allow-stale", "--select", "orders");
        assertExit(allowed, 0);
        assertThat(allowed.stderr()).contains("come from different dbt invocations");
        assertThat(runResultsOf("orders__out_files").path("status").asText()).isEqualTo("success");
    }

    @Test
    void resultSuccessSelectsTheExportsWhoseModelDbtBuiltAndMissingRunResultsCanBeRequired() throws Exception {
        SpokeProcess.Result required = SpokeProcess.run(dir, Map.of(), "sync", "--require-run-results");
        assertExit(required, 2);
        assertThat(required.stderr()).contains("--require-run-results: dbt's run results are not at "
                + dir.resolve("target/run_results.json"));

        project.runResults("bouncer-v6-duckdb.json", "target/run_results.json", results -> { });
        SpokeProcess.Result selected = SpokeProcess.run(dir, Map.of(), "sync", "--select", "result:success");

        assertExit(selected, 0);
        assertThat(BouncerProject.readJson(dir.resolve("target/spoke_run_results.json")).path("results"))
                .extracting(result -> result.path("export_id").asText()).containsExactly("orders__out_files");
    }
}
