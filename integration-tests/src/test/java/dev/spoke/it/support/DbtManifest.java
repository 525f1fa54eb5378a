package dev.spoke.it.support;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.dbt.Relation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dbt manifest for a test, made from the one {@code dbt build} wrote for the sample project
 * (sample-dbt-project/target/manifest.json): the sample's own models stay, without their destinations, and each
 * {@link #model} adds a model node copied from the sample's {@code lead_scores} node with its relation, columns,
 * unique key and {@code meta.destinations} rewritten, so the file stays what dbt writes (v12, every field present).
 */
public final class DbtManifest {
    public static final String PROJECT = "spoke_sample";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String TEMPLATE = "model." + PROJECT + ".lead_scores";

    private final ObjectNode root;
    private final ObjectNode template;
    private final String adapterType;

    private DbtManifest(ObjectNode root, String adapterType) {
        this.root = root;
        this.adapterType = adapterType;
        this.template = ((ObjectNode) root.path("nodes").path(TEMPLATE)).deepCopy();
    }

    /** The sample project's manifest, as written by dbt for the given adapter ({@code postgres} or {@code duckdb}). */
    public static DbtManifest fromSample(String adapterType) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(RepositoryFiles.sampleProject()
                    .resolve("target/manifest.json").toFile());
            ((ObjectNode) root.path("metadata")).put("adapter_type", adapterType);
            for (JsonNode node : root.path("nodes")) {
                if ("model".equals(node.path("resource_type").asText())) {
                    withoutDestinations((ObjectNode) node);
                }
            }
            return new DbtManifest(root, requireNonNull(adapterType, "adapterType is null"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds (or replaces) a model materialized as a table.
     *
     * @param name the model's name (also its alias)
     * @param relation where dbt built it
     * @param columns column name to dbt data_type, in order
     * @param uniqueKey the model's unique_key config
     * @param destinations the {@code meta.destinations} entries (maps, lists and strings)
     */
    public DbtManifest model(String name, Relation relation, Map<String, String> columns, String uniqueKey,
            List<?> destinations) {
        String uniqueId = "model." + PROJECT + "." + name;
        ObjectNode node = template.deepCopy();
        node.put("name", name);
        node.put("alias", relation.identifier());
        node.put("unique_id", uniqueId);
        node.put("database", relation.database());
        node.put("schema", relation.schema());
        node.put("relation_name", relationName(relation));
        node.put("path", "marts/" + name + ".sql");
        node.put("original_file_path", "models/marts/" + name + ".sql");
        node.put("build_path", "target/run/" + PROJECT + "/models/marts/" + name + ".sql");
        node.put("compiled_path", "target/compiled/" + PROJECT + "/models/marts/" + name + ".sql");
        node.put("raw_code", "select * from {{ source('it', '" + relation.identifier() + "') }}");
        node.put("compiled_code", "select * from " + relationName(relation));
        node.put("description", "Integration test model " + name + ".");
        node.set("fqn", JSON.createArrayNode().add(PROJECT).add("marts").add(name));
        ArrayNode primaryKey = node.putArray("primary_key");
        primaryKey.add(uniqueKey);
        ObjectNode dependsOn = (ObjectNode) node.path("depends_on");
        dependsOn.putArray("nodes");
        node.putArray("refs");
        ((ObjectNode) node.path("config")).put("unique_key", uniqueKey);
        ((ObjectNode) node.path("unrendered_config")).put("unique_key", uniqueKey);
        node.set("columns", columns(columns));
        ((ObjectNode) root.path("nodes")).set(uniqueId, node);
        ((ObjectNode) root.path("parent_map")).putArray(uniqueId);
        ((ObjectNode) root.path("child_map")).putArray(uniqueId);
        return destinations(name, destinations);
    }

    /** Rewrites a model's {@code meta.destinations} (in config, on the node and in unrendered_config, as dbt does). */
    public DbtManifest destinations(String name, List<?> destinations) {
        ObjectNode node = node(name);
        ArrayNode entries = JSON.valueToTree(destinations);
        for (ObjectNode meta : metas(node)) {
            meta.set("destinations", entries.deepCopy());
        }
        return this;
    }

    /** The model node, for changes this class does not offer. */
    public ObjectNode node(String name) {
        JsonNode node = root.path("nodes").path("model." + PROJECT + "." + name);
        if (!node.isObject()) {
            throw new IllegalArgumentException("no model " + name + " in the manifest");
        }
        return (ObjectNode) node;
    }

    /** Writes the manifest where dbt would: {@code <project>/target/manifest.json}. */
    public void writeTo(Path projectDir) {
        try {
            Path target = projectDir.resolve("target");
            Files.createDirectories(target);
            JSON.writeValue(target.resolve("manifest.json").toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode columns(Map<String, String> columns) {
        ObjectNode columnTemplate = (ObjectNode) template.path("columns").path("email");
        ObjectNode result = JSON.createObjectNode();
        for (Map.Entry<String, String> column : new LinkedHashMap<>(columns).entrySet()) {
            ObjectNode node = columnTemplate.deepCopy();
            node.put("name", column.getKey());
            node.put("data_type", column.getValue());
            node.put("description", "");
            node.putArray("constraints");
            result.set(column.getKey(), node);
        }
        return result;
    }

    private String relationName(Relation relation) {
        StringBuilder name = new StringBuilder();
        if (relation.database() != null) {
            name.append('"').append(relation.database()).append("\".");
        }
        return name.append('"').append(relation.schema()).append("\".\"").append(relation.identifier()).append('"')
                .toString();
    }

    private static void withoutDestinations(ObjectNode node) {
        for (ObjectNode meta : metas(node)) {
            meta.remove("destinations");
        }
    }

    private static List<ObjectNode> metas(ObjectNode node) {
        ObjectNode config = (ObjectNode) node.path("config");
        ObjectNode unrendered = node.path("unrendered_config") instanceof ObjectNode object ? object : node.putObject(
                "unrendered_config");
        return List.of(object(config, "meta"), object(node, "meta"), object(unrendered, "meta"));
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.path(field) instanceof ObjectNode object ? object : parent.putObject(field);
    }

    /** The adapter this manifest claims in its metadata. */
    public String adapterType() {
        return adapterType;
    }
}
