package dev.spoke.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.it.support.SampleCheckout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample-dbt-project/quickstart.sh}, run as the README says, in a copy of the checkout (it writes into the
 * sample directory): it rebuilds the sample warehouse, syncs to files and to its local signed-webhook receiver, and
 * its second sync sends nothing.
 */
class QuickstartIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void buildsTheWarehouseSyncsToFilesAndTheReceiverThenSendsNothingTheSecondTime() throws Exception {
        Path sample = SampleCheckout.copyTo(root);
        Path output = root.resolve("quickstart.log");
        Process process = new ProcessBuilder("bash", sample.resolve("quickstart.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();

        assertThat(log).contains("built sample.duckdb: 5 seeds, 7 models");
        String firstSync = between(log, "== 4/5 spoke sync", "What was sent:");
        assertThat(lines(firstSync)).contains(
                "at_risk_customers -> local_files success 8 8 8 0 0 0",
                "at_risk_customers -> support_webhook success 8 8 8 0 0 0",
                "lead_scores -> local_files success 10 10 10 0 0 0");
        assertThat(firstSync).contains("3 succeeded, 0 with warnings, 0 failed, 0 skipped");

        String received = between(log, "-- the webhook receiver got:", "== 5/5");
        assertThat(received).contains("signature valid").doesNotContain("INVALID");
        String firstBody = received.lines().filter(line -> line.startsWith("  {")).findFirst().orElseThrow();
        JsonNode body = JSON.readTree(firstBody);
        assertThat(body.path("data").path("export").asText()).isEqualTo("at_risk_customers__support_webhook");
        assertThat(body.path("data").path("rows")).hasSize(8);
        assertThat(keys(body.path("data").path("rows"))).containsExactlyInAnyOrder(
                "1", "3", "4", "7", "14", "16", "20", "24");

        String secondSync = log.substring(log.indexOf("== 5/5"));
        assertThat(lines(secondSync)).contains(
                "at_risk_customers -> local_files success 0 0 0 0 0 0",
                "at_risk_customers -> support_webhook success 0 0 0 0 0 0",
                "lead_scores -> local_files success 0 0 0 0 0 0");
        assertThat(secondSync.lines().filter(line -> line.contains(": success: no changes"))).hasSize(3);

        JsonNode results = JSON.readTree(sample.resolve("target/spoke_run_results.json").toFile());
        assertThat(results.path("exit_code").asInt()).isZero();
        for (JsonNode result : results.path("results")) {
            assertThat(result.path("status").asText()).isEqualTo("success");
            assertThat(result.path("rows").path("sent").asLong()).as(result.toString()).isZero();
        }
        assertThat(sample.resolve("sample.duckdb")).exists();
        assertThat(Files.list(sample.resolve("out")).map(path -> path.getFileName().toString()).sorted().toList())
                .containsExactly("at_risk_customers__local_files.jsonl", "lead_scores__local_files.jsonl");
    }

    private static List<String> keys(JsonNode rows) {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .map(row -> row.path("key").toString()).toList();
    }

    /** The text between two markers. */
    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from);
        assertThat(from).as("'%s' in the output", start).isNotNegative();
        assertThat(to).as("'%s' in the output", end).isNotNegative();
        return text.substring(from, to);
    }

    /** The lines with their runs of spaces collapsed and the trailing time column dropped. */
    static List<String> lines(String text) {
        return text.lines().map(line -> line.trim().replaceAll("\\s+", " ").replaceAll(" \\d+\\.\\ds$", "")).toList();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
