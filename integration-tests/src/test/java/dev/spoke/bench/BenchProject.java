package dev.spoke.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dbt-shaped project around the benchmark model: dbt_project.yml, profiles.yml, spoke.yml, the model's SQL and
 * properties, and target/manifest.json derived from the sample project's real dbt 1.11 manifest (its metadata and
 * its model node as the template). The model {@code bench_rows} has three exports:
 * <ul>
 *   <li>{@code bench_rows__receiver}: upsert to the local receiver, 1000 rows per request, signed;</li>
 *   <li>{@code bench_rows__receiver_mirror}: mirror to the same receiver (the delete run);</li>
 *   <li>{@code bench_rows__files}: upsert to a JSON Lines file.</li>
 * </ul>
 */
final class BenchProject {
    static final String MODEL = "bench_rows";
    static final String WEBHOOK_EXPORT = "bench_rows__receiver";
    static final String MIRROR_EXPORT = "bench_rows__receiver_mirror";
    static final String FILE_EXPORT = "bench_rows__files";
    static final int WEBHOOK_BATCH_SIZE = 1000;

    private static final String UNIQUE_ID = "model.spoke_bench." + MODEL;
    private static final String TEMPLATE_NODE = "model.spoke_sample.at_risk_customers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Column name and dbt data_type, in table order. */
    private static final List<List<String>> COLUMNS = List.of(
            List.of("id", "bigint"), List.of("name", "text"), List.of("name_unicode", "text"),
            List.of("amount", "numeric(12,2)"), List.of("updated_at", "timestamptz"), List.of("birth_date", "date"),
            List.of("active", "boolean"), List.of("attributes", "json"), List.of("note", "text"),
            List.of("score", "double precision"));

    private BenchProject() {
    }

    /** Writes the project into {@code dir} (replacing what a previous run left) and returns {@code dir}. */
    static Path write(Path dir, BenchDatabase database, String receiverUrl, Path sampleManifest) {
        requireNonNull(database, "database is null");
        try {
            Files.createDirectories(dir.resolve("models"));
            Files.createDirectories(dir.resolve("target"));
            Files.createDirectories(dir.resolve("out"));
            yaml(dir.resolve("dbt_project.yml"), Map.of("name", "spoke_bench", "version", "1.0.0",
                    "config-version", 2, "profile", "spoke_bench", "model-paths", List.of("models"),
                    "models", Map.of("spoke_bench", Map.of("+materialized", "table"))));
            yaml(dir.resolve("profiles.yml"), Map.of("spoke_bench", Map.of("target", "bench",
                    "outputs", Map.of("bench", database.profileTarget()))));
            yaml(dir.resolve("spoke.yml"), spokeYml(receiverUrl, database.stateSchema()));
            Files.writeString(dir.resolve("models/" + MODEL + ".sql"),
                    "-- built by the benchmark harness (dev.spoke.bench), " + COLUMNS.size() + " columns\n"
                            + "select * from generated_rows\n", StandardCharsets.UTF_8);
            yaml(dir.resolve("models/schema.yml"), Map.of("version", 2, "models", List.of(Map.of("name", MODEL,
                    "config", Map.of("unique_key", "id", "meta", Map.of("destinations", destinations()))))));
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("target/manifest.json").toFile(),
                    manifest(JSON.readTree(sampleManifest.toFile()), database));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark project in " + dir, e);
        }
    }

    private static Map<String, Object> spokeYml(String receiverUrl, String stateSchema) {
        String secret = "{{ env_var('SPOKE_BENCH_WEBHOOK_SECRET', 'whsec_c3Bva2UtYmVuY2htYXJrLXNpZ25pbmcta2V5') }}";
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("type", "webhook");
        receiver.put("url", receiverUrl);
        receiver.put("signing_secret", secret);
        receiver.put("batch_size", WEBHOOK_BATCH_SIZE);
        Map<String, Object> connections = new LinkedHashMap<>();
        connections.put("receiver", receiver);
        connections.put("receiver_mirror", receiver);
        connections.put("files", Map.of("type", "file", "path", "out/{export}.jsonl", "format", "jsonl"));
        return Map.of("connections", connections, "state", Map.of("backend", "warehouse", "schema", stateSchema));
    }

    private static List<Map<String, Object>> destinations() {
        return List.of(
                Map.of("to", "receiver", "mode", "upsert", "key", "id"),
                Map.of("to", "receiver_mirror", "mode", "mirror", "key", "id"),
                Map.of("to", "files", "mode", "upsert", "key", "id"));
    }

    /** The sample's manifest with its nodes replaced by the benchmark model, built from the sample's model node. */
    private static JsonNode manifest(JsonNode sample, BenchDatabase database) {
        ObjectNode manifest = (ObjectNode) sample.deepCopy();
        ObjectNode metadata = (ObjectNode) manifest.get("metadata");
        metadata.put("adapter_type", database.adapter());
        metadata.put("project_name", "spoke_bench");
        ObjectNode node = (ObjectNode) sample.path("nodes").path(TEMPLATE_NODE).deepCopy();
        if (node.isEmpty()) {
            throw new IllegalStateException("the sample manifest has no " + TEMPLATE_NODE + " to use as a template");
        }
        node.put("database", database.database());
        node.put("schema", database.schema());
        node.put("name", MODEL);
        node.put("alias", MODEL);
        node.put("unique_id", UNIQUE_ID);
        node.put("package_name", "spoke_bench");
        node.put("path", MODEL + ".sql");
        node.put("original_file_path", "models/" + MODEL + ".sql");
        node.put("patch_path", "spoke_bench://models/schema.yml");
        node.put("description", "Benchmark rows: ten columns of mixed types.");
        node.put("relation_name", "\"" + database.database() + "\".\"" + database.schema() + "\".\"" + MODEL + "\"");
        node.set("fqn", JSON.valueToTree(List.of("spoke_bench", MODEL)));
        ObjectNode config = (ObjectNode) node.get("config");
        config.put("unique_key", "id");
        config.set("meta", JSON.valueToTree(Map.of("destinations", destinations())));
        node.set("meta", config.get("meta").deepCopy());
        node.set("columns", columns((ObjectNode) node.get("columns").elements().next()));
        node.set("depends_on", JSON.valueToTree(Map.of("macros", List.of(), "nodes", List.of())));
        ObjectNode nodes = JSON.createObjectNode();
        nodes.set(UNIQUE_ID, node);
        manifest.set("nodes", nodes);
        for (String map : List.of("parent_map", "child_map")) {
            manifest.set(map, JSON.valueToTree(Map.of(UNIQUE_ID, List.of())));
        }
        for (String empty : List.of("sources", "exposures", "metrics", "semantic_models", "saved_queries",
                "unit_tests", "disabled", "group_map")) {
            if (manifest.has(empty)) {
                manifest.set(empty, JSON.createObjectNode());
            }
        }
        return manifest;
    }

    private static ObjectNode columns(ObjectNode template) {
        ObjectNode columns = JSON.createObjectNode();
        for (List<String> column : COLUMNS) {
            ObjectNode node = template.deepCopy();
            node.put("name", column.get(0));
            node.put("data_type", column.get(1));
            node.put("description", "");
            ArrayNode constraints = node.putArray("constraints");
            if (column.get(0).equals("id")) {
                constraints.addObject().put("type", "not_null");
                constraints.addObject().put("type", "primary_key");
            }
            columns.set(column.get(0), node);
        }
        return columns;
    }

    private static void yaml(Path file, Object value) throws IOException {
        Files.writeString(file, YAML.writeValueAsString(value), StandardCharsets.UTF_8);
    }
}
