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
import java.util.function.Consumer;

/**
 * One streaming pass over {@code manifest.json} that keeps only what spoke needs: the metadata, the models, every
 * node's {@code depends_on.nodes}, and the parent and child maps. Macros, docs and the large fields of each node (SQL,
 * checksums) are skipped without being decoded. A model node becomes a {@link Model} as soon as it is read when the
 * metadata came first (as dbt writes it), so the partial trees never pile up; otherwise (a re-serialized manifest
 * with sorted keys) it waits for the metadata.
 */
final class ManifestScan {
    private static final JsonShape DEPENDS_ON = JsonShape.fields(Map.of("nodes", JsonShape.WHOLE));
    /** The parts of a documented column a {@link Column} is built from. */
    private static final JsonShape COLUMN = JsonShape.fields(Map.ofEntries(
            whole("name"), whole("data_type"), whole("description"), whole("constraints"), whole("meta"),
            Map.entry("config", JsonShape.fields(Map.of("meta", JsonShape.WHOLE)))));
    /** The parts of a node a {@link Model} is built from; everything else (SQL, checksums, docs) is skipped. */
    private static final JsonShape MODEL_NODE = JsonShape.fields(Map.ofEntries(
            whole("resource_type"), whole("unique_id"), whole("name"), whole("package_name"), whole("version"),
            whole("latest_version"), whole("database"), whole("schema"), whole("alias"), whole("relation_name"),
            whole("config"), whole("constraints"), whole("tags"), whole("fqn"), whole("path"),
            whole("original_file_path"), whole("patch_path"), whole("meta"), whole("primary_key"),
            Map.entry("contract", JsonShape.fields(Map.of("enforced", JsonShape.WHOLE))),
            Map.entry("depends_on", DEPENDS_ON),
            Map.entry("columns", JsonShape.eachEntry(COLUMN))));
    /** The parts of sources, exposures, metrics, ... that place them in the graph. */
    private static final JsonShape GRAPH_NODE =
            JsonShape.fields(Map.of("unique_id", JsonShape.WHOLE, "depends_on", DEPENDS_ON));
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
    private final Consumer<String> warnings;
    private ManifestMetadata metadata;
    private ModelNodeReader modelReader;
    /** Where {@code metadata} starts, or where the top-level object starts when there is none. */
    private JsonLocation metadataStart;
    private final List<Model> models = new ArrayList<>();
    private final List<ScannedNode> pendingModels = new ArrayList<>();
    private final List<Model> disabledModels = new ArrayList<>();
    private final List<ScannedNode> pendingDisabledModels = new ArrayList<>();
    /** Every node's {@code depends_on.nodes}, to build the graph when the manifest has no parent/child maps. */
    private final Map<String, List<String>> dependsOn = new LinkedHashMap<>();
    private Map<String, List<String>> parentMap;
    private Map<String, List<String>> childMap;

    private ManifestScan(JsonArtifact artifact, Consumer<String> warnings) {
        this.artifact = artifact;
        this.warnings = warnings;
    }

    /** Scans the whole file; the parser must be before its first token. */
    static ManifestScan scan(JsonParser parser, JsonArtifact artifact, Consumer<String> warnings) throws IOException {
        ManifestScan scan = new ManifestScan(artifact, warnings);
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
        if (scan.metadata == null) {
            scan.readMetadata(null);
        }
        scan.pendingModels.forEach(node -> scan.models.add(scan.modelReader.read(node, true)));
        scan.pendingDisabledModels.forEach(node -> scan.disabledModels.add(scan.modelReader.read(node, false)));
        if (scan.parentMap == null || scan.childMap == null) {
            scan.deriveGraph();
        }
        return scan;
    }

    ManifestMetadata metadata() {
        return metadata;
    }

    List<Model> models() {
        return models;
    }

    List<Model> disabledModels() {
        return disabledModels;
    }

    /** The manifest's {@code parent_map}, or one built from every node's {@code depends_on} when it has none. */
    Map<String, List<String>> parentMap() {
        return parentMap;
    }

    /** The manifest's {@code child_map}, or one built from every node's {@code depends_on} when it has none. */
    Map<String, List<String>> childMap() {
        return childMap;
    }

    /** Fills in whichever map is missing (older or trimmed manifests) from {@code depends_on}, as dbt builds them. */
    private void deriveGraph() {
        Map<String, List<String>> parents = new LinkedHashMap<>(dependsOn);
        Map<String, List<String>> children = new LinkedHashMap<>();
        parents.keySet().forEach(id -> children.put(id, new ArrayList<>()));
        parents.forEach((child, ids) -> ids.forEach(
                parent -> children.computeIfAbsent(parent, key -> new ArrayList<>()).add(child)));
        children.replaceAll((id, list) -> List.copyOf(list));
        children.keySet().forEach(id -> parents.putIfAbsent(id, List.of()));
        parentMap = parentMap == null ? parents : parentMap;
        childMap = childMap == null ? children : childMap;
    }

    private void readMetadata(ObjectNode block) {
        metadata = ManifestMetadataReader.read(block, metadataStart, artifact, warnings);
        modelReader = new ModelNodeReader(artifact, metadata);
    }

    private void section(JsonParser parser, String section) throws IOException {
        switch (section) {
            case "metadata" -> {
                artifact.expect(parser, JsonToken.START_OBJECT, "'metadata'");
                metadataStart = parser.currentTokenLocation();
                readMetadata((ObjectNode) JsonShape.tree(parser));
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
            ScannedNode node = new ScannedNode((ObjectNode) MODEL_NODE.read(parser), start);
            dependsOn.put(node.uniqueId() == null ? key : node.uniqueId(), dependencies(node.fields()));
            if (node.isModel()) {
                add(node, true);
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
                ScannedNode node = new ScannedNode((ObjectNode) MODEL_NODE.read(parser), start);
                if (node.isModel()) {
                    add(node, false);
                }
            }
            artifact.expect(parser, JsonToken.END_ARRAY, "disabled entry '" + key + "'");
        }
    }

    private void add(ScannedNode node, boolean enabled) {
        if (modelReader == null) {
            (enabled ? pendingModels : pendingDisabledModels).add(node);
        } else {
            (enabled ? models : disabledModels).add(modelReader.read(node, enabled));
        }
    }

    private void graphOnly(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            ObjectNode fields = (ObjectNode) GRAPH_NODE.read(parser);
            JsonNode id = fields.get("unique_id");
            dependsOn.put(id != null && id.isTextual() ? id.asText() : key, dependencies(fields));
        }
    }

    private static Map.Entry<String, JsonShape> whole(String field) {
        return Map.entry(field, JsonShape.WHOLE);
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
