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
 * sample directory): it rebuilds the sample warehouse, syncs to files and to its local signed-webhook receiver, shows
 * what a consumer of the files reads, and its second sync sends nothing and leaves every row of the first readable.
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
        String firstSync = between(log, "== 4/5 spoke sync", "What was sent, as a consumer reads it:");
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

        List<Path> files = filesUnder(sample.resolve("out"));
        assertThat(files).as("one file per export of the one run that sent rows, nothing hidden left").hasSize(2);
        Path atRisk = files.get(0);
        Path leads = files.get(1);
        assertThat(sample.resolve("out").relativize(atRisk).toString())
                .matches("at_risk_customers__local_files/\\d{8}T\\d{6}\\.\\d{3}Z\\.jsonl");
        assertThat(sample.resolve("out").relativize(leads).toString())
                .matches("lead_scores__local_files/\\d{8}T\\d{6}\\.\\d{3}Z\\.jsonl");
        assertThat(keys(Files.readAllLines(atRisk))).containsExactlyInAnyOrder("1", "3", "4", "7", "14", "16", "20",
                "24");
        assertThat(keys(Files.readAllLines(leads))).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8",
                "9", "10");
        String listing = "-- sample-dbt-project/out/" + sample.resolve("out").relativize(atRisk) + " (8 rows)\n"
                + "-- sample-dbt-project/out/" + sample.resolve("out").relativize(leads) + " (10 rows)\n";
        assertThat(between(log, "What was sent, as a consumer reads it:", "-- the webhook receiver got:"))
                .contains(listing.lines().toList().get(0)).contains(listing.lines().toList().get(1));
        assertThat(log.substring(log.indexOf("The files a consumer reads after the second sync:"))).endsWith(listing);
    }

    /** Every regular file under a directory, hidden ones included, sorted. */
    private static List<Path> filesUnder(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> keys(List<String> jsonLines) throws IOException {
        List<String> keys = new java.util.ArrayList<>();
        for (String line : jsonLines) {
            keys.add(JSON.readTree(line).path("key").asText());
        }
        return keys;
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
