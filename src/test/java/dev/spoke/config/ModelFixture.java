package dev.spoke.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.spoke.dbt.Column;
import dev.spoke.dbt.Constraint;
import dev.spoke.dbt.Manifest;
import dev.spoke.dbt.ManifestMetadata;
import dev.spoke.dbt.Model;
import dev.spoke.dbt.Relation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Model}s and {@link Manifest}s by hand, meta written as YAML, as a schema.yml would have it. */
final class ModelFixture {
    static final String SCHEMA_FILE = "models/marts/schema.yml";
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String name;
    private String version;
    private String materialization = "table";
    private List<String> uniqueKey = List.of();
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private ObjectNode meta = JsonNodeFactory.instance.objectNode();
    private String patchPath = "shop://" + SCHEMA_FILE;

    private ModelFixture(String name) {
        this.name = name;
    }

    static ModelFixture model(String name) {
        return new ModelFixture(name);
    }

    ModelFixture version(String value) {
        this.version = value;
        return this;
    }

    ModelFixture materialized(String value) {
        this.materialization = value;
        return this;
    }

    ModelFixture uniqueKey(String... columnNames) {
        this.uniqueKey = List.of(columnNames);
        return this;
    }

    ModelFixture columns(String... columnNames) {
        for (String column : columnNames) {
            columns.put(column, new Column(column, null, "", List.of(), JsonNodeFactory.instance.objectNode()));
        }
        return this;
    }

    ModelFixture primaryKeyColumn(String column) {
        columns.put(column, new Column(column, null, "", List.of(new Constraint("primary_key", null, List.of(), null)),
                JsonNodeFactory.instance.objectNode()));
        return this;
    }

    ModelFixture primaryKeyConstraint(String... columnNames) {
        constraints.add(new Constraint("primary_key", null, List.of(columnNames), null));
        return this;
    }

    ModelFixture noPropertiesFile() {
        this.patchPath = null;
        return this;
    }

    /** The model's meta, written as YAML, e.g. {@code "destinations:\n  - to: crm"}. */
    ModelFixture meta(String yaml) {
        try {
            this.meta = (ObjectNode) YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Model build() {
        String uniqueId = "model.shop." + name + (version == null ? "" : ".v" + version);
        String alias = name + (version == null ? "" : "_v" + version);
        return new Model(uniqueId, name, "shop", version, version, new Relation("analytics", "marts", alias),
                "\"analytics\".\"marts\".\"" + alias + "\"", materialization, uniqueKey, columns, constraints, false,
                List.of(), List.of("shop", "marts", name), "marts/" + name + ".sql", "models/marts/" + name + ".sql",
                patchPath, meta, List.of(), true, List.of(), JsonNodeFactory.instance.objectNode());
    }

    static Manifest manifest(Model... models) {
        Map<String, Model> byId = new LinkedHashMap<>();
        for (Model model : models) {
            byId.put(model.uniqueId(), model);
        }
        ManifestMetadata metadata = new ManifestMetadata(12, "https://schemas.getdbt.com/dbt/manifest/v12.json",
                "1.10.0", "duckdb", "shop", "00000000-0000-0000-0000-000000000000", "2025-01-01T00:00:00Z",
                ManifestMetadata.Quoting.DEFAULT);
        return new Manifest(Path.of("target/manifest.json"), metadata, byId, List.of(), Map.of(), Map.of());
    }
}
