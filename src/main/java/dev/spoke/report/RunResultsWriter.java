package dev.spoke.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.SpokeException;
import dev.spoke.SpokeVersion;
import dev.spoke.config.SecretRedactor;
import dev.spoke.sync.ExportResult;
import dev.spoke.sync.PhaseTiming;
import dev.spoke.sync.RowError;
import dev.spoke.sync.SyncReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * Writes {@code target/spoke_run_results.json} beside dbt's own artifacts, shaped after dbt's run_results.json
 * ({@code metadata}, {@code results[]} with {@code unique_id}, {@code status}, {@code timing},
 * {@code execution_time}, {@code message}, then {@code elapsed_time} and {@code args}), with spoke's row counts and
 * row errors per export and destination. Written atomically (temp file, then move), secrets masked.
 */
public final class RunResultsWriter {
    public static final String FILE_NAME = "spoke_run_results.json";
    public static final String SCHEMA = "https://spoke.dev/schemas/spoke-run-results/v1.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunResultsWriter() {
    }

    /** Writes the report into {@code targetDir} and returns the file. */
    public static Path write(SyncReport report, Path targetDir) {
        ObjectNode root = toJson(report);
        Path file = targetDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(targetDir);
            Path temp = Files.createTempFile(targetDir, ".spoke_run_results", ".json");
            String text = SecretRedactor.global().redact(JSON.writeValueAsString(root));
            Files.writeString(temp, text + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw SpokeException.runtime("cannot write " + file + ": " + e.getMessage(),
                    "check that the project's target directory is writable", e);
        }
    }

    /** The JSON document, for tests and for the JSON log's final event. */
    public static ObjectNode toJson(SyncReport report) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("spoke_schema_version", SCHEMA);
        metadata.put("spoke_version", SpokeVersion.version());
        metadata.put("generated_at", Instant.now().toString());
        metadata.put("invocation_id", report.runId());
        metadata.put("dbt_invocation_id", report.dbtInvocationId());
        metadata.put("started_at", report.startedAt().toString());
        ArrayNode results = root.putArray("results");
        for (ExportResult result : report.results()) {
            results.add(result(result));
        }
        root.put("elapsed_time", seconds(report.elapsed().toNanos()));
        root.put("exit_code", report.exitCode().code());
        ObjectNode args = root.putObject("args");
        for (Map.Entry<String, Object> arg : report.args().entrySet()) {
            args.set(arg.getKey(), JSON.valueToTree(arg.getValue()));
        }
        return root;
    }

    private static ObjectNode result(ExportResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("unique_id", "export." + result.exportId());
        node.put("export_id", result.exportId());
        node.put("model", result.modelUniqueId());
        node.put("model_name", result.modelName());
        node.put("destination", result.destination());
        node.put("destination_type", result.destinationType());
        node.put("mode", result.mode());
        node.put("status", result.status().jsonName());
        if (result.skipReason() != null) {
            node.put("skip_reason", result.skipReason().name().toLowerCase(java.util.Locale.ROOT));
        }
        node.put("message", result.message());
        ArrayNode timing = node.putArray("timing");
        for (PhaseTiming phase : result.timing()) {
            ObjectNode entry = timing.addObject();
            entry.put("name", phase.name());
            entry.put("started_at", phase.startedAt().toString());
            entry.put("completed_at", phase.completedAt().toString());
        }
        node.put("execution_time", seconds(result.elapsed().toNanos()));
        ObjectNode rows = node.putObject("rows");
        rows.put("read", result.rows().read());
        rows.put("added", result.rows().added());
        rows.put("changed", result.rows().changed());
        rows.put("removed", result.rows().removed());
        rows.put("sent", result.rows().sent());
        rows.put("delivered", result.rows().delivered());
        rows.put("rejected", result.rows().rejected());
        rows.put("deferred", result.rows().deferred());
        rows.put("invalid", result.rows().invalid());
        ArrayNode errors = node.putArray("errors");
        for (RowError error : result.errors()) {
            ObjectNode entry = errors.addObject();
            if (error.key() == null) {
                entry.putNull("key");
            } else {
                entry.put("key", error.key());
            }
            entry.put("operation", error.operation());
            entry.put("kind", error.kind());
            entry.put("reason", error.reason());
        }
        return node;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1_000_000.0) / 1000.0;
    }
}
