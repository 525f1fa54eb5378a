package dev.spoke.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sync benchmark of issue 6, run by {@code mvn -B -Pbenchmark verify} (options in {@link BenchSettings}; how to
 * read the results in docs/benchmarks.md). For each warehouse and table size it runs a {@link BenchScenario}, then
 * prints one table of every measurement and the targets, and writes them with the machine and versions to
 * {@code target/bench/results.md}. Its name does not end in IT, so the normal {@code verify} never runs it.
 */
class SyncBenchmark {

    @Test
    void measure() throws IOException {
        BenchSettings settings = BenchSettings.fromSystem();
        String machine = MachineInfo.describe();
        Files.createDirectories(settings.workDir());
        Path sampleManifest = settings.projectRoot().resolve("sample-dbt-project/target/manifest.json");
        SpokeRun spoke = new SpokeRun(settings.projectRoot(), settings.workDir().resolve("logs"), settings.jfr());
        List<Measurement> measured = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        try (DiscardingReceiver receiver = new DiscardingReceiver()) {
            for (String adapter : settings.adapters()) {
                try (BenchDatabase database = open(adapter, settings)) {
                    versions.add(database.version());
                    for (long rows : settings.rows()) {
                        Path project = settings.workDir().resolve("project-" + adapter + "-" + rows);
                        measured.addAll(new BenchScenario(database, rows, project, receiver.url(), sampleManifest,
                                spoke).run());
                    }
                }
            }
            System.out.println("[bench] the receiver took " + receiver.requests() + " requests, "
                    + receiver.bytes() / (1024 * 1024) + " MB");
        }
        String report = "## Results\n\n" + ResultReport.table(measured) + "\n## Targets\n\n"
                + ResultReport.targets(measured) + "\n## Machine\n\n" + machine + "- versions: "
                + String.join("; ", versions) + "\n\n## Command\n\n    mvn -B -Pbenchmark verify -Dbench.rows="
                + String.join(",", settings.rows().stream().map(String::valueOf).toList()) + " -Dbench.adapters="
                + String.join(",", settings.adapters()) + "\n";
        Files.writeString(settings.workDir().resolve("results.md"), report, StandardCharsets.UTF_8);
        System.out.println("\n" + report);
    }

    private static BenchDatabase open(String adapter, BenchSettings settings) {
        return switch (adapter) {
            case "postgres" -> new PostgresBench(settings.postgresUrl().orElseThrow(() -> new IllegalStateException(
                    "the PostgreSQL benchmark needs SPOKE_IT_JDBC_URL, e.g. "
                            + "jdbc:postgresql://127.0.0.1:5432/test?user=root; or pass -Dbench.adapters=duckdb")));
            case "duckdb" -> new DuckDbBench(settings.workDir().resolve("duckdb"));
            default -> throw new IllegalArgumentException("bench.adapters: unknown adapter '" + adapter
                    + "'; use postgres and/or duckdb");
        };
    }
}
