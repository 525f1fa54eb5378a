package dev.spoke.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times {@link ManifestReader#read} on a large manifest: the real model nodes of a fixture are copied under new names
 * (with their SQL, columns and graph edges) until the file reaches the size asked for, then the file is read several
 * times in one JVM. Not a unit test; run it by hand:
 *
 * <pre>
 * mvn -o -q test-compile &amp;&amp; mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.spoke.dbt.ManifestReadBenchmark [MB] [runs]
 * </pre>
 */
public final class ManifestReadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "manifests/bouncer-v12-duckdb.json";

    private ManifestReadBenchmark() {}

    public static void main(String[] args) throws IOException {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path file = Files.createTempFile("spoke-benchmark-manifest", ".json");
        try {
            int copies = writeLargeManifest(DbtFixtures.path(FIXTURE), file, megabytes * 1024L * 1024L);
            System.out.printf("manifest: %s, %.1f MB, %d copies of the fixture's models%n",
                    file, Files.size(file) / 1024.0 / 1024.0, copies);
            long[] millis = new long[runs];
            int models = 0;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                Manifest manifest = ManifestReader.read(file, warning -> {});
                millis[run] = (System.nanoTime() - start) / 1_000_000;
                models = manifest.models().size();
            }
            long first = millis[0];
            Arrays.sort(millis);
            System.out.printf("models read: %d; runs: %d; first (cold JVM): %d ms; best: %d ms; median: %d ms;"
                    + " worst: %d ms%n", models, runs, first, millis[0], millis[runs / 2], millis[runs - 1]);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Copies every model node of the fixture, renamed, until the file is about {@code size} bytes. */
    private static int writeLargeManifest(Path fixture, Path target, long size) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(fixture.toFile());
        ObjectNode nodes = (ObjectNode) root.get("nodes");
        ObjectNode parentMap = (ObjectNode) root.get("parent_map");
        ObjectNode childMap = (ObjectNode) root.get("child_map");
        List<ObjectNode> models = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : nodes.properties()) {
            if ("model".equals(entry.getValue().path("resource_type").asText())) {
                models.add((ObjectNode) entry.getValue());
            }
        }
        long modelBytes = 0;
        for (ObjectNode model : models) {
            modelBytes += JSON.writeValueAsBytes(model).length;
        }
        long baseBytes = Files.size(fixture);
        int copies = (int) Math.max(1, (size - baseBytes) / modelBytes);
        for (int copy = 1; copy <= copies; copy++) {
            String suffix = "__copy" + copy;
            for (ObjectNode model : models) {
                ObjectNode renamed = model.deepCopy();
                String id = model.get("unique_id").asText() + suffix;
                renamed.put("unique_id", id);
                renamed.put("name", model.get("name").asText() + suffix);
                renamed.put("alias", model.path("alias").asText() + suffix);
                if (model.hasNonNull("relation_name")) {
                    renamed.put("relation_name", model.get("relation_name").asText().replaceAll("\"$", suffix + "\""));
                }
                ArrayNode parents = renamed.withObjectProperty("depends_on").putArray("nodes");
                for (JsonNode parent : model.path("depends_on").path("nodes")) {
                    String parentId = parent.asText();
                    parents.add(parentId.startsWith("model.") ? parentId + suffix : parentId);
                }
                nodes.set(id, renamed);
                parentMap.set(id, parents.deepCopy());
                childMap.putArray(id);
                for (JsonNode parent : parents) {
                    JsonNode children = childMap.get(parent.asText());
                    if (children instanceof ArrayNode list) {
                        list.add(id);
                    }
                }
            }
        }
        JSON.writeValue(target.toFile(), root);
        return copies;
    }
}
