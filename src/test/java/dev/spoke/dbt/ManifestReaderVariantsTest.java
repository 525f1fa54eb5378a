package dev.spoke.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes real dbt versions write that the fixtures happen not to contain, made by editing a real manifest: a list
 * {@code unique_key}, meta only on the node, maps left out, a newer schema, a model with its own quoting.
 */
class ManifestReaderVariantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS = "model.dbt_bouncer_test_project.orders";
    private static final String INCREMENTAL = "model.dbt_bouncer_test_project.int_incremental";

    @TempDir
    Path dir;

    @Test
    void uniqueKeyMayBeAListOrNull() throws IOException {
        Manifest manifest = readEdited(root -> {
            node(root, ORDERS).withObjectProperty("config").putArray("unique_key").add("order_id").add("order_date");
            node(root, INCREMENTAL).withObjectProperty("config").putNull("unique_key");
        });

        assertThat(manifest.model(ORDERS).orElseThrow().uniqueKey()).containsExactly("order_id", "order_date");
        assertThat(manifest.model(INCREMENTAL).orElseThrow().uniqueKey()).isEmpty();
    }

    @Test
    void metaComesFromConfigWhenItHasAnyElseFromTheNode() throws IOException {
        Manifest manifest = readEdited(root -> {
            ObjectNode orders = node(root, ORDERS);
            orders.withObjectProperty("config").putObject("meta");
            orders.putObject("meta").put("owner", "finance");
            ObjectNode incremental = node(root, INCREMENTAL);
            incremental.withObjectProperty("config").putObject("meta").put("owner", "config wins");
            incremental.putObject("meta").put("owner", "node");
            node(root, "model.dbt_bouncer_test_project.stg_orders").remove("meta");
        });

        assertThat(manifest.model(ORDERS).orElseThrow().meta().get("owner").asText()).isEqualTo("finance");
        assertThat(manifest.model(INCREMENTAL).orElseThrow().meta().get("owner").asText()).isEqualTo("config wins");
        assertThat(manifest.model("model.dbt_bouncer_test_project.stg_orders").orElseThrow().meta().get("maturity")
                .asText()).isEqualTo("gold");
    }

    @Test
    void withoutParentAndChildMapsTheGraphIsBuiltFromDependsOn() throws IOException {
        Manifest original = DbtFixtures.manifest("bouncer-v12-duckdb.json");
        Manifest manifest = readEdited(root -> {
            root.remove("parent_map");
            root.putNull("child_map");
        });

        assertThat(manifest.parentsOf(ORDERS)).containsExactlyElementsOf(original.parentsOf(ORDERS));
        String stgOrders = "model.dbt_bouncer_test_project.stg_orders";
        assertThat(manifest.childrenOf(stgOrders)).containsExactlyInAnyOrderElementsOf(original.childrenOf(stgOrders));
        String seed = "seed.dbt_bouncer_test_project.raw_orders";
        assertThat(manifest.childrenOf(seed)).containsExactlyInAnyOrderElementsOf(original.childrenOf(seed));
        // Every node of the original graph is there, sources and exposures included.
        assertThat(manifest.parentMap().keySet()).containsAll(original.parentMap().keySet());
        original.parentMap().forEach((id, parents) ->
                assertThat(manifest.parentsOf(id)).as(id).containsExactlyInAnyOrderElementsOf(parents));
    }

    @Test
    void aNewerSchemaIsReadWithAWarning() throws IOException {
        List<String> warnings = new ArrayList<>();
        Path file = edit("bouncer-v12-duckdb.json", root -> ((ObjectNode) root.get("metadata"))
                .put("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v13.json"));

        Manifest manifest = ManifestReader.read(file, warnings::add);

        assertThat(manifest.metadata().schemaVersion()).isEqualTo(13);
        assertThat(manifest.models()).hasSize(39);
        assertThat(warnings).singleElement().asString()
                .contains(file.toString(), "schema v13", "reading it as v12", "upgrade spoke");
    }

    @Test
    void aMissingRelationNameHonoursTheModelsOwnQuotingAndAMissingDatabase() throws IOException {
        Manifest manifest = readEdited(root -> {
            ObjectNode orders = node(root, ORDERS);
            orders.remove("relation_name");
            orders.withObjectProperty("config").putObject("quoting").put("identifier", false);
            ObjectNode incremental = node(root, INCREMENTAL);
            incremental.putNull("relation_name");
            incremental.putNull("database");
        });

        assertThat(manifest.model(ORDERS).orElseThrow().relationName()).isEqualTo("\"dbt\".\"main_marts\".orders");
        Model incremental = manifest.model(INCREMENTAL).orElseThrow();
        assertThat(incremental.relationName()).isEqualTo("\"main_intermediate\".\"int_incremental\"");
        assertThat(incremental.relation().parts()).containsExactly("main_intermediate", "int_incremental");
    }

    private Manifest readEdited(Consumer<ObjectNode> edit) throws IOException {
        List<String> warnings = new ArrayList<>();
        Manifest manifest = ManifestReader.read(edit("bouncer-v12-duckdb.json", edit), warnings::add);
        assertThat(warnings).isEmpty();
        return manifest;
    }

    private Path edit(String fixture, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(DbtFixtures.path("manifests/" + fixture).toFile());
        edit.accept(root);
        Path file = dir.resolve("manifest.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static ObjectNode node(ObjectNode root, String uniqueId) {
        return (ObjectNode) root.get("nodes").get(uniqueId);
    }
}
