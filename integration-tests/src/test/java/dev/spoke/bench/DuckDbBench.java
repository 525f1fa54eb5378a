package dev.spoke.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark model in a DuckDB file ({@code bench.duckdb}, so dbt's database name is {@code bench};
 * {@code main.bench_rows}, state in {@code spoke_bench_state} of the same file), built with {@code range()}; the
 * baseline is {@code COPY (SELECT * FROM ...) TO '<file>.csv'}. Every method opens and closes the file, so that spoke,
 * another process, can open it in between.
 */
final class DuckDbBench implements BenchDatabase {
    private static final int EXPORT_ROUNDS = 3;

    private final Path file;

    DuckDbBench(Path directory) {
        this.file = requireNonNull(directory, "directory is null").resolve("bench.duckdb");
    }

    @Override
    public String adapter() {
        return "duckdb";
    }

    @Override
    public String version() {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            return "DuckDB " + result.getString(1) + ", " + driverJar();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The driver's jar name, which carries its version (the driver itself reports 1.0). */
    private static String driverJar() {
        try {
            return Path.of(org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getFileName().toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "duckdb_jdbc (version unknown)";
        }
    }

    @Override
    public void create(long rows) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        execute("CREATE TABLE " + TABLE + " AS SELECT"
                + " range AS id,"
                + " 'customer_' || range AS name,"
                + " 'Zoë Łukasz 東京 ' || range || ' 🚀' AS name_unicode,"
                + " CAST(round((range % 100000) * 1.37, 2) AS DECIMAL(12,2)) AS amount,"
                + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(range % 86400) AS updated_at,"
                + " DATE '2000-01-01' + CAST(range % 9000 AS INTEGER) AS birth_date,"
                + " range % 3 = 0 AS active,"
                + " json_object('tier', range % 5, 'tags', json_array('a', 'b'), 'score', (range % 1000) / 10.0)"
                + " AS attributes,"
                + " CASE WHEN range % 2 = 0 THEN NULL ELSE 'note ' || range END AS note,"
                + " CAST(range % 1000 AS DOUBLE) / 7 AS score"
                + " FROM range(1, " + (rows + 1) + ")",
                "CHECKPOINT");
    }

    @Override
    public Duration bulkExport() {
        Path csv = file.resolveSibling("export.csv");
        Duration best = null;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (int round = 0; round < EXPORT_ROUNDS; round++) {
                long start = System.nanoTime();
                statement.execute("COPY (SELECT * FROM " + TABLE + ") TO '" + csv + "' (HEADER)");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                best = best == null || took.compareTo(best) < 0 ? took : best;
            }
            Files.deleteIfExists(csv);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("DuckDB COPY failed: " + e.getMessage(), e);
        }
        return best;
    }

    @Override
    public long changeOnePercent() {
        return update("UPDATE " + TABLE + " SET name = name || ' (changed)', amount = amount + 1 WHERE id % 100 = 0");
    }

    @Override
    public long deleteOnePercent() {
        return update("DELETE FROM " + TABLE + " WHERE id % 100 = 50");
    }

    @Override
    public String database() {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    @Override
    public String schema() {
        return "main";
    }

    @Override
    public String stateSchema() {
        return "spoke_bench_state";
    }

    @Override
    public Map<String, Object> profileTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", "duckdb");
        target.put("path", file.toString());
        target.put("threads", 1);
        return target;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file);
    }

    private void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
    }

    private long update(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            long count = statement.executeUpdate(sql);
            statement.execute("CHECKPOINT");
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
    }
}
