package dev.spoke.dbt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One streaming pass over {@code manifest.json} that keeps only what spoke needs: the metadata, the model nodes (with
 * only the fields a {@link Model} is made of), every node's {@code depends_on.nodes}, and the parent and child maps.
 * Macros, docs, sources and the large fields of each node (SQL, checksums) are skipped without being decoded.
 */
final class ManifestScan {
    /** The node fields a {@link Model} is built from; every other field is skipped. */
    private static final Set<String> MODEL_FIELDS = Set.of(
            "resource_type", "unique_id", "name", "package_name", "version", "latest_version", "database", "schema",
            "alias", "relation_name", "config", "columns", "constraints", "contract", "tags", "fqn", "path",
            "original_file_path", "patch_path", "meta", "depends_on", "primary_key");
    /** The fields of sources, exposures, metrics, ... that place them in the graph. */
    private static final Set<String> GRAPH_FIELDS = Set.of("unique_id", "depends_on");
    /** The sections besides {@code nodes} whose entries are graph nodes, as dbt's parent and child maps list them. */
    private static final Set<String> GRAPH_SECTIONS = Set.of(
            "sources", "exposures", "metrics", "semantic_models", "saved_queries", "unit_tests", "functions");

    /** A node as scanned: its kept fields and where it starts in the file, for messages. */
    record ScannedNode(ObjectNode fields, JsonLocation start) {
        String uniqueId() {
            JsonNode id = fields.get("unique_id");
            return id == null || !id.isTextual() ? null : id.asText();
        }

        boolean isModel() {
            JsonNode type = fields.get("resource_type");
            return type != null && "model".equals(type.asText());
        }
    }

    private final JsonArtifact artifact;
    ObjectNode metadata;
    /** Where {@code metadata} starts, or where the top-level object starts when there is none. */
    JsonLocation metadataStart;
    final List<ScannedNode> models = new ArrayList<>();
    final List<ScannedNode> disabledModels = new ArrayList<>();
    /** Every node's {@code depends_on.nodes}, to build the graph when the manifest has no parent/child maps. */
    final Map<String, List<String>> dependsOn = new LinkedHashMap<>();
    Map<String, List<String>> parentMap;
    Map<String, List<String>> childMap;

    private ManifestScan(JsonArtifact artifact) {
        this.artifact = artifact;
    }

    /** Scans the whole file; the parser must be before its first token. */
    static ManifestScan scan(JsonParser parser, JsonArtifact artifact) throws IOException {
        ManifestScan scan = new ManifestScan(artifact);
        parser.nextToken();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw artifact.invalid(parser.currentTokenLocation(),
                    "this is not a dbt manifest: expected a JSON object with 'metadata' and 'nodes'");
        }
        scan.metadataStart = parser.currentTokenLocation();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String section = parser.currentName();
            parser.nextToken();
            scan.section(parser, section);
        }
        return scan;
    }

    private void section(JsonParser parser, String section) throws IOException {
        switch (section) {
            case "metadata" -> {
                artifact.expect(parser, JsonToken.START_OBJECT, "'metadata'");
                metadataStart = parser.currentTokenLocation();
                metadata = (ObjectNode) JsonArtifact.readTree(parser);
            }
            case "nodes" -> nodes(parser);
            case "disabled" -> disabled(parser);
            case "parent_map" -> parentMap = artifact.readStringListMap(parser, "'parent_map'");
            case "child_map" -> childMap = artifact.readStringListMap(parser, "'child_map'");
            default -> {
                if (GRAPH_SECTIONS.contains(section) && parser.currentToken() == JsonToken.START_OBJECT) {
                    graphOnly(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private void nodes(JsonParser parser) throws IOException {
        artifact.expect(parser, JsonToken.START_OBJECT, "'nodes'");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            artifact.expect(parser, JsonToken.START_OBJECT, "node '" + key + "'");
            JsonLocation start = parser.currentTokenLocation();
            ScannedNode node = new ScannedNode(JsonArtifact.readFields(parser, MODEL_FIELDS), start);
            dependsOn.put(node.uniqueId() == null ? key : node.uniqueId(), dependencies(node.fields()));
            if (node.isModel()) {
                models.add(node);
            }
        }
    }

    private void disabled(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        artifact.expect(parser, JsonToken.START_OBJECT, "'disabled'");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            artifact.expect(parser, JsonToken.START_ARRAY, "disabled entry '" + key + "'");
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation start = parser.currentTokenLocation();
                ScannedNode node = new ScannedNode(JsonArtifact.readFields(parser, MODEL_FIELDS), start);
                if (node.isModel()) {
                    disabledModels.add(node);
                }
            }
            artifact.expect(parser, JsonToken.END_ARRAY, "disabled entry '" + key + "'");
        }
    }

    private void graphOnly(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            ObjectNode fields = JsonArtifact.readFields(parser, GRAPH_FIELDS);
            JsonNode id = fields.get("unique_id");
            dependsOn.put(id != null && id.isTextual() ? id.asText() : key, dependencies(fields));
        }
    }

    static List<String> dependencies(ObjectNode fields) {
        JsonNode nodes = fields.path("depends_on").path("nodes");
        if (!nodes.isArray()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(nodes.size());
        for (JsonNode id : nodes) {
            if (id.isTextual() && !ids.contains(id.asText())) {
                ids.add(id.asText());
            }
        }
        return List.copyOf(ids);
    }
}
