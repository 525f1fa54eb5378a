package dev.spoke.it.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.spoke.config.Environment;
import dev.spoke.delivery.DeliveryListener;
import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.report.RunLog;
import dev.spoke.report.RunResultsWriter;
import dev.spoke.report.TextRunLog;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.ProjectRequest;
import dev.spoke.sync.SyncEngine;
import dev.spoke.sync.SyncOptions;
import dev.spoke.sync.SyncReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A dbt project in a temporary directory for fault-injection tests: a DuckDB warehouse file with one table,
 * {@code main.contacts(id, email, score)} holding ids 1..n, a manifest adapted from sample-dbt-project's (its
 * {@code at_risk_customers} node now reads that table and sends it to the {@code hook} connection, keyed by
 * {@code id}, upsert unless a test asks for another mode), profiles.yml, dbt_project.yml and a spoke.yml written
 * from a {@link HookConfig}. State lives in the warehouse (schema {@code spoke}).
 *
 * <p>Runs {@code spoke sync} in process, through {@link SyncEngine} exactly as the CLI's sync command does (load,
 * sync, write run results, exit code from the report), or as the real CLI jar in a subprocess ({@link SpokeProcess}).
 */
final class FaultProject {
    static final String EXPORT_ID = "at_risk_customers__" + HookConfig.CONNECTION;
    static final String WAREHOUSE_FILE = "warehouse.duckdb";
    private static final String MODEL_ID = "model.spoke_sample.at_risk_customers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path dir;
    private final int rows;

    private FaultProject(Path dir, int rows) {
        this.dir = dir;
        this.rows = rows;
    }

    /** Writes the project and a warehouse whose table holds ids 1..{@code rows}, upserted to {@code hook}. */
    static FaultProject create(Path dir, int rows) {
        return create(dir, rows, "upsert");
    }

    /** Writes the project and a warehouse holding ids 1..{@code rows}, sent to {@code hook} in {@code mode}. */
    static FaultProject create(Path dir, int rows, String mode) {
        FaultProject project = new FaultProject(dir, rows);
        try {
            Files.createDirectories(dir.resolve("target"));
            Files.writeString(dir.resolve("dbt_project.yml"),
                    "name: spoke_sample\nversion: \"1.0.0\"\nconfig-version: 2\nprofile: faults\n");
            Files.writeString(dir.resolve("profiles.yml"),
                    "faults:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: "
                            + WAREHOUSE_FILE + "\n");
            Files.writeString(dir.resolve("target/manifest.json"), JSON.writeValueAsString(adaptedManifest(mode)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        project.sql("CREATE TABLE main.contacts AS SELECT CAST(i AS INTEGER) AS id,"
                + " 'contact' || i || '@example.com' AS email, CAST(i % 7 AS INTEGER) AS score"
                + " FROM range(1, " + (rows + 1) + ") t(i)");
        return project;
    }

    Path dir() {
        return dir;
    }

    /** Every key of the model: "1" .. "n". */
    Set<String> allKeys() {
        return IntStream.rangeClosed(1, rows).mapToObj(Integer::toString)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Writes spoke.yml with the one connection. */
    void configure(HookConfig hook) {
        Map<String, Object> spokeYml = new LinkedHashMap<>();
        spokeYml.put("connections", Map.of(HookConfig.CONNECTION, hook.toYaml()));
        spokeYml.put("state", Map.of("backend", "warehouse", "schema", "spoke"));
        try {
            Files.writeString(dir.resolve("spoke.yml"), YAML.writeValueAsString(spokeYml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code spoke sync} in process, with the destination types on the class path. */
    RunOutcome sync() {
        return sync(SyncOptions.DEFAULTS, new StopSignal(), DestinationRegistry.load());
    }

    /** {@code spoke sync} in process: what {@code SyncCommand} does, with a log captured in memory. */
    RunOutcome sync(SyncOptions options, StopSignal stop, DestinationRegistry registry) {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        SyncEngine engine = new SyncEngine(registry, Clock.systemUTC(), new TextRunLog(log, Clock.systemUTC(),
                RunLog.Level.INFO), new SimpleMeterRegistry(), DeliveryListener.NONE, stop);
        LoadedProject loaded = engine.load(new ProjectRequest(dir, dir, null, null, null, List.of(), List.of(),
                Environment.of(Map.of())));
        SyncReport report = engine.sync(loaded, options);
        Path written = RunResultsWriter.write(report, loaded.targetDir());
        return new RunOutcome(report.exitCode().code(), readJson(written), logBytes.toString(StandardCharsets.UTF_8));
    }

    /** The spoke_run_results.json the last run wrote. */
    JsonNode runResults() {
        return readJson(dir.resolve("target").resolve(RunResultsWriter.FILE_NAME));
    }

    /** The keys in the export's snapshot: what spoke recorded as delivered. */
    Set<String> snapshotKeys() {
        Set<String> keys = new LinkedHashSet<>();
        query("SELECT \"key\" FROM spoke.snapshot_" + EXPORT_ID + " ORDER BY CAST(\"key\" AS INTEGER)",
                rs -> keys.add(rs.getString(1)));
        return keys;
    }

    /** The sync_log rows of one run. */
    List<SyncLogRow> syncLog(String runId) {
        List<SyncLogRow> log = new ArrayList<>();
        query("SELECT row_key, operation, status, error FROM spoke.sync_log WHERE run_id = '" + runId.replace("'", "''")
                        + "' AND export_id = '" + EXPORT_ID + "'",
                rs -> log.add(new SyncLogRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
        return log;
    }

    /** The sync_log rows of one run by key: key to error. */
    Map<String, String> syncLogErrors(String runId) {
        Map<String, String> errors = new LinkedHashMap<>();
        syncLog(runId).forEach(row -> errors.put(row.key(), row.error()));
        return errors;
    }

    /** Rows of the export inside asynchronous jobs that have not ended. */
    List<String> pendingJobKeys() {
        List<String> keys = new ArrayList<>();
        query("SELECT row_key FROM spoke.pending_jobs WHERE export_id = '" + EXPORT_ID + "' ORDER BY row_key",
                rs -> keys.add(rs.getString(1)));
        return keys;
    }

    /** One sync_log row. */
    record SyncLogRow(String key, String operation, String status, String error) {
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(WAREHOUSE_FILE));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement on the warehouse, e.g. to change the model's rows between runs. */
    void sql(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(WAREHOUSE_FILE));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * sample-dbt-project's manifest with every export removed but one: {@code at_risk_customers} reads
     * {@code "warehouse"."main"."contacts"} (id, email, score) and sends it to {@code hook} by {@code id}.
     */
    private static ObjectNode adaptedManifest(String mode) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(sampleProject().resolve("target/manifest.json").toFile());
        for (JsonNode node : manifest.path("nodes")) {
            if (node.path("config").path("meta") instanceof ObjectNode meta) {
                meta.remove("destinations");
            }
            if (node.path("meta") instanceof ObjectNode meta) {
                meta.remove("destinations");
            }
        }
        ObjectNode model = (ObjectNode) manifest.path("nodes").path(MODEL_ID);
        if (model.isEmpty()) {
            throw new IllegalStateException("sample-dbt-project's manifest has no " + MODEL_ID);
        }
        model.put("database", "warehouse").put("schema", "main").put("alias", "contacts")
                .put("relation_name", "\"warehouse\".\"main\".\"contacts\"");
        ObjectNode config = (ObjectNode) model.path("config");
        config.put("unique_key", "id");
        ObjectNode destination = JSON.createObjectNode().put("to", HookConfig.CONNECTION).put("mode", mode)
                .put("key", "id");
        ((ObjectNode) config.path("meta")).set("destinations", JSON.createArrayNode().add(destination));
        ObjectNode columns = model.putObject("columns");
        column(columns, "id", "integer").putArray("constraints").addObject().put("type", "primary_key");
        column(columns, "email", "varchar");
        column(columns, "score", "integer");
        return manifest;
    }

    private static ObjectNode column(ObjectNode columns, String name, String type) {
        ObjectNode column = columns.putObject(name).put("name", name).put("data_type", type).put("description", "");
        column.putObject("meta");
        return column;
    }

    /** sample-dbt-project, from failsafe's spoke.project.root or the working directory (the Maven base dir). */
    static Path sampleProject() {
        String root = System.getProperty("spoke.project.root", ".");
        return Path.of(root).resolve("sample-dbt-project").toAbsolutePath().normalize();
    }
}
