package dev.spoke.it.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A dbt project around dbt-bouncer's real manifest (dbt 1.11, DuckDB; src/test/resources/dbt), written into a temp
 * directory: dbt_project.yml, profiles.yml (the DuckDB file {@code dbt.duckdb}, so relations read
 * {@code "dbt"."main_marts"."orders"} as in the manifest), spoke.yml, and target/manifest.json with
 * {@code meta.destinations} added to chosen models. The manifest keeps its invocation id, which the real
 * run_results.json fixture shares.
 */
final class BouncerProject {
    static final String ORDERS = "model.dbt_bouncer_test_project.orders";
    static final String TIKTOK_AD_REPORT = "model.tiktok_ads.tiktok_ads__ad_report";
    static final String INVOCATION = "1c0df4f5-f475-4db9-90bb-4abd8479034f";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ObjectNode manifest;

    private BouncerProject(Path dir) throws IOException {
        this.dir = dir;
        this.manifest = (ObjectNode) JSON.readTree(resource("/dbt/manifests/bouncer-v12-duckdb.json"));
        write("dbt_project.yml", "name: dbt_bouncer_test_project\nprofile: dbt_bouncer\nversion: '1.0'\n");
        write("profiles.yml", "dbt_bouncer:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: "
                + dir.resolve("dbt.duckdb") + "\n      threads: 1\n");
    }

    static BouncerProject in(Path dir) throws IOException {
        return new BouncerProject(dir);
    }

    Path dir() {
        return dir;
    }

    /** Adds a {@code meta.destinations} entry to a model of the manifest. */
    BouncerProject export(String uniqueId, String destinationsYamlAsJson) throws IOException {
        ObjectNode node = (ObjectNode) manifest.path("nodes").path(uniqueId);
        ArrayNode destinations = (ArrayNode) JSON.readTree(destinationsYamlAsJson);
        node.withObjectProperty("config").withObjectProperty("meta").set("destinations", destinations);
        node.withObjectProperty("meta").set("destinations", destinations.deepCopy());
        return this;
    }

    /** Points a model at another relation (e.g. a PostgreSQL schema). */
    BouncerProject relocate(String uniqueId, String database, String schema, String quotedRelation) {
        ObjectNode node = (ObjectNode) manifest.path("nodes").path(uniqueId);
        node.put("database", database).put("schema", schema).put("relation_name", quotedRelation);
        return this;
    }

    BouncerProject spokeYml(String text) throws IOException {
        return write("spoke.yml", text);
    }

    BouncerProject write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    /** Writes target/manifest.json. */
    BouncerProject writeManifest() throws IOException {
        Path file = dir.resolve("target/manifest.json");
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), manifest);
        return this;
    }

    /** Copies a run_results fixture to {@code relative}, letting {@code edit} change it first. */
    BouncerProject runResults(String fixture, String relative, java.util.function.Consumer<ObjectNode> edit)
            throws IOException {
        ObjectNode results = (ObjectNode) JSON.readTree(resource("/dbt/run_results/" + fixture));
        edit.accept(results);
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), results);
        return this;
    }

    /** Runs SQL in the project's DuckDB warehouse. */
    BouncerProject duckdb(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("dbt.duckdb"));
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return this;
    }

    /** The model's orders table with {@code rows} orders; order 3 has a NULL key when {@code withNullKey}. */
    BouncerProject ordersTable(int rows, boolean withNullKey) throws SQLException {
        duckdb("CREATE SCHEMA IF NOT EXISTS main_marts",
                "CREATE OR REPLACE TABLE main_marts.orders AS SELECT CASE WHEN " + withNullKey + " AND i = 3 THEN NULL"
                        + " ELSE i END AS order_id_pk, i % 7 AS customer_id_fk, DATE '2026-01-01' + i::INT AS"
                        + " order_date, CASE WHEN i % 2 = 0 THEN 'shipped' ELSE 'placed' END AS status,"
                        + " i * 1.5 AS amount FROM range(1, " + (rows + 1) + ") t(i)");
        return this;
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static InputStream resource(String path) {
        InputStream stream = BouncerProject.class.getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("test resource " + path + " is missing");
        }
        return stream;
    }
}
