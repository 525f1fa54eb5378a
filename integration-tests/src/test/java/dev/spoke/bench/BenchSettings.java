package dev.spoke.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one benchmark run measures, from system properties (Maven passes {@code -Dbench.*} through):
 * <ul>
 *   <li>{@code bench.rows}: comma-separated table sizes, default {@code 100000,1000000};</li>
 *   <li>{@code bench.adapters}: {@code postgres,duckdb} (default both); PostgreSQL needs SPOKE_IT_JDBC_URL;</li>
 *   <li>{@code bench.jfr}: {@code true} to record a JFR profile of every spoke process (beside its GC log);</li>
 *   <li>{@code bench.out}: where projects, logs and results go, default {@code target/bench}.</li>
 * </ul>
 *
 * @param rows the table sizes
 * @param adapters the warehouses
 * @param postgresUrl the PostgreSQL JDBC URL, when set
 * @param projectRoot the spoke checkout (its {@code ./spoke} launcher runs the CLI)
 * @param workDir where projects, logs and results go
 * @param jfr whether to record JFR profiles
 */
record BenchSettings(List<Long> rows, List<String> adapters, Optional<String> postgresUrl, Path projectRoot,
        Path workDir, boolean jfr) {

    BenchSettings {
        rows = List.copyOf(rows);
        adapters = List.copyOf(adapters);
        requireNonNull(postgresUrl, "postgresUrl is null");
        requireNonNull(projectRoot, "projectRoot is null");
        requireNonNull(workDir, "workDir is null");
    }

    static BenchSettings fromSystem() {
        Path root = Path.of(System.getProperty("spoke.project.root", ".")).toAbsolutePath().normalize();
        List<Long> rows = Arrays.stream(System.getProperty("bench.rows", "100000,1000000").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> Long.parseLong(s.replace("_", ""))).toList();
        List<String> adapters = Arrays.stream(System.getProperty("bench.adapters", "postgres,duckdb").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Optional<String> url = Optional.ofNullable(System.getenv("SPOKE_IT_JDBC_URL")).filter(s -> !s.isBlank());
        Path work = Path.of(System.getProperty("bench.out", root.resolve("target/bench").toString()));
        return new BenchSettings(rows, adapters, url, root, work.toAbsolutePath(),
                Boolean.parseBoolean(System.getProperty("bench.jfr", "false")));
    }
}
