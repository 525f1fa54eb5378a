package dev.spoke.dbt;

import static dev.spoke.dbt.JsonValues.strings;
import static dev.spoke.dbt.JsonValues.text;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one scanned model node into a {@link Model}, tolerating what differs between schema v4 and v12 and dbt
 * Fusion: a missing or null {@code relation_name}, {@code unique_key} as a string or a list, {@code meta} in config or
 * on the node, a version written as a number or a string, keys that Fusion leaves out.
 */
final class ModelNodeReader {
    /** dbt's default materialization, for nodes that do not say (some Fusion output). */
    private static final String DEFAULT_MATERIALIZATION = "view";

    private final JsonArtifact artifact;
    private final ManifestMetadata metadata;

    ModelNodeReader(JsonArtifact artifact, ManifestMetadata metadata) {
        this.artifact = requireNonNull(artifact, "artifact is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    Model read(ManifestScan.ScannedNode node, boolean enabled) {
        ObjectNode fields = node.fields();
        String uniqueId = required(node, "unique_id", "a model node");
        String what = "model " + uniqueId;
        String name = required(node, "name", what);
        JsonNode config = fields.path("config");
        String alias = text(fields, "alias");
        Relation relation = new Relation(
                text(fields, "database"), required(node, "schema", what), alias == null ? name : alias);
        String relationName = text(fields, "relation_name");
        if (relationName == null || relationName.isBlank()) {
            relationName = RelationNames.build(relation, metadata.quoting(), config.get("quoting"),
                    metadata.adapterType());
        }
        String materialization = text(config, "materialized");
        return new Model(
                uniqueId,
                name,
                required(node, "package_name", what),
                text(fields, "version"),
                text(fields, "latest_version"),
                relation,
                relationName,
                materialization == null ? DEFAULT_MATERIALIZATION : materialization,
                strings(config.get("unique_key")),
                columns(fields.path("columns")),
                constraints(fields.path("constraints")),
                contractEnforced(fields, config),
                strings(fields.get("tags")),
                strings(fields.get("fqn")),
                text(fields, "path"),
                required(node, "original_file_path", what),
                text(fields, "patch_path"),
                meta(config, fields),
                ManifestScan.dependencies(fields),
                enabled,
                strings(fields.get("primary_key")),
                config.isObject() ? (ObjectNode) config : JsonNodeFactory.instance.objectNode());
    }

    private String required(ManifestScan.ScannedNode node, String field, String what) {
        String value = text(node.fields(), field);
        if (value == null || value.isEmpty()) {
            throw artifact.invalid(node.start(), what + " has no '" + field + "'");
        }
        return value;
    }

    private static Map<String, Column> columns(JsonNode columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        if (!columns.isObject()) {
            return byName;
        }
        for (Map.Entry<String, JsonNode> entry : columns.properties()) {
            JsonNode column = entry.getValue();
            String name = text(column, "name");
            name = name == null || name.isEmpty() ? entry.getKey() : name;
            byName.put(name, new Column(name, text(column, "data_type"), text(column, "description"),
                    constraints(column.path("constraints")), meta(column.path("config"), column)));
        }
        return byName;
    }

    private static List<Constraint> constraints(JsonNode constraints) {
        List<Constraint> result = new ArrayList<>();
        for (JsonNode constraint : constraints) {
            String type = text(constraint, "type");
            if (type != null) {
                result.add(new Constraint(type, text(constraint, "name"), strings(constraint.get("columns")),
                        text(constraint, "expression")));
            }
        }
        return result;
    }

    private static boolean contractEnforced(JsonNode fields, JsonNode config) {
        JsonNode enforced = fields.path("contract").path("enforced");
        if (enforced.isMissingNode() || enforced.isNull()) {
            enforced = config.path("contract").path("enforced");
        }
        return enforced.asBoolean(false);
    }

    /** {@code config.meta} when present and non-empty, else the node's own {@code meta}, else an empty object. */
    static ObjectNode meta(JsonNode config, JsonNode node) {
        JsonNode configMeta = config.get("meta");
        if (configMeta instanceof ObjectNode object && !object.isEmpty()) {
            return object;
        }
        JsonNode nodeMeta = node.get("meta");
        return nodeMeta instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }
}
