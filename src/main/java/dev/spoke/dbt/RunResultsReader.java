package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.SpokeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads dbt's {@code run_results.json} (schema v4 to v6, and dbt Fusion) into {@link RunResults}. Streams the file and
 * keeps only each result's id, status, message and timing, skipping compiled SQL and adapter responses. A file it
 * cannot use is one {@link dev.spoke.SpokeException} ({@link dev.spoke.ExitCode#CONFIG_ERROR}) naming the file, the
 * line and column, and how to write a good one; a schema newer than v6 is read with a warning.
 *
 * <p>Stateless and thread-safe.
 */
public final class RunResultsReader {
    static final int OLDEST_SCHEMA = 4;
    static final int NEWEST_SCHEMA = 6;
    private static final String HINT = "Run `dbt run` or `dbt build` in the dbt project to write"
            + " target/run_results.json again, or point spoke at the run_results.json that dbt wrote";
    private static final JsonShape RESULT = JsonShape.fields(Map.of(
            "unique_id", JsonShape.WHOLE, "status", JsonShape.WHOLE, "message", JsonShape.WHOLE,
            "timing", JsonShape.WHOLE));

    private RunResultsReader() {}

    /**
     * @param file the {@code run_results.json}
     * @param warnings receives one message per thing worth telling the user that does not stop the read
     * @throws dev.spoke.SpokeException when the file cannot be read as dbt run results
     */
    public static RunResults read(Path file, Consumer<String> warnings) {
        requireNonNull(file, "file is null");
        requireNonNull(warnings, "warnings is null");
        JsonArtifact artifact = new JsonArtifact(file, "dbt run results", HINT);
        try (JsonParser parser = artifact.open()) {
            return read(parser, artifact, warnings);
        } catch (IOException e) {
            throw artifact.unreadable(e);
        }
    }

    private static RunResults read(JsonParser parser, JsonArtifact artifact, Consumer<String> warnings)
            throws IOException {
        parser.nextToken();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw artifact.invalid(parser.currentTokenLocation(),
                    "this is not a dbt run_results.json: expected a JSON object with 'metadata' and 'results'");
        }
        JsonLocation metadataStart = parser.currentTokenLocation();
        JsonNode metadata = null;
        List<RunResults.NodeResult> results = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String section = parser.currentName();
            parser.nextToken();
            if (section.equals("metadata")) {
                artifact.expect(parser, JsonToken.START_OBJECT, "'metadata'");
                metadataStart = parser.currentTokenLocation();
                metadata = JsonShape.tree(parser);
            } else if (section.equals("results")) {
                results = results(parser, artifact);
            } else {
                parser.skipChildren();
            }
        }
        String schemaUrl = metadata == null ? null : JsonValues.text(metadata, "dbt_schema_version");
        if (schemaUrl == null || schemaUrl.isBlank()) {
            throw artifact.invalid(metadataStart,
                    "this is not a dbt run_results.json: it has no metadata.dbt_schema_version");
        }
        int version = ArtifactSchema.version(schemaUrl, "run-results", metadataStart, artifact);
        String dbtVersion = JsonValues.text(metadata, "dbt_version");
        checkVersion(version, dbtVersion, artifact, warnings);
        if (results == null) {
            throw artifact.invalid(metadataStart, "this run_results.json has no 'results'");
        }
        return new RunResults(schemaUrl, version, dbtVersion, JsonValues.text(metadata, "invocation_id"),
                JsonValues.text(metadata, "generated_at"), results);
    }

    private static void checkVersion(int version, String dbtVersion, JsonArtifact artifact, Consumer<String> warnings) {
        if (version < OLDEST_SCHEMA) {
            throw SpokeException.config("dbt run results " + artifact.file() + " use schema v" + version
                    + " (dbt " + dbtVersion + "); spoke reads run_results schema v" + OLDEST_SCHEMA + " (dbt 1.0) to v"
                    + NEWEST_SCHEMA, "Upgrade the dbt project to a current dbt and run it again");
        }
        if (version > NEWEST_SCHEMA) {
            warnings.accept("dbt run results " + artifact.file() + " use schema v" + version + " (dbt " + dbtVersion
                    + "), newer than the v" + NEWEST_SCHEMA + " spoke knows; reading them as v" + NEWEST_SCHEMA + ".");
        }
    }

    private static List<RunResults.NodeResult> results(JsonParser parser, JsonArtifact artifact) throws IOException {
        artifact.expect(parser, JsonToken.START_ARRAY, "'results'");
        List<RunResults.NodeResult> results = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            artifact.expect(parser, JsonToken.START_OBJECT, "each entry of 'results'");
            JsonLocation start = parser.currentTokenLocation();
            JsonNode result = RESULT.read(parser);
            String uniqueId = JsonValues.text(result, "unique_id");
            String status = JsonValues.text(result, "status");
            if (uniqueId == null || status == null) {
                throw artifact.invalid(start, "a result has no '" + (uniqueId == null ? "unique_id" : "status")
                        + "'");
            }
            results.add(new RunResults.NodeResult(
                    uniqueId, status, JsonValues.text(result, "message"), executeCompletedAt(result)));
        }
        return results;
    }

    /** {@code completed_at} of the {@code execute} entry of {@code timing}, or null when it did not execute. */
    private static String executeCompletedAt(JsonNode result) {
        for (JsonNode step : result.path("timing")) {
            if ("execute".equals(JsonValues.text(step, "name"))) {
                return JsonValues.text(step, "completed_at");
            }
        }
        return null;
    }
}
