package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.dbt.ProfileTarget;
import dev.spoke.dbt.Relation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DuckDB file as dbt-duckdb leaves it, opened from the profile target, read-write and read-only. */
class DuckDbFileWarehouseTest {
    @TempDir
    Path projectDir;

    @Test
    void opensTheProfilePathRelativeToTheProjectAndNamesTheCatalogAfterTheFile() {
        createDatabase("jaffle.duckdb");
        ProfileTarget target = new ProfileTarget("jaffle", "dev", "duckdb", Map.of("path", "jaffle.duckdb"),
                "profiles.yml");
        try (Warehouse warehouse = WarehouseConnector.open(target, projectDir)) {
            assertThat(warehouse.adapterType()).isEqualTo("duckdb");
            assertThat(warehouse.description()).isEqualTo("DuckDB " + projectDir.resolve("jaffle.duckdb"));
            Relation customers = new Relation("jaffle", "main", "customers");
            assertThat(warehouse.columns(customers)).extracting(WarehouseColumn::name).containsExactly("id", "name");
            try (RowStream stream = warehouse.stream(warehouse.dialect().selectColumns(customers, java.util.List.of(
                    "name")), 100)) {
                assertThat(stream.next()).isTrue();
                assertThat(stream.json(0).textValue()).isEqualTo("Ada");
            }
        }
    }

    @Test
    void appliesTheProfilesDuckDbSettingsAsDbtDuckdbDoes() {
        createDatabase("settings.duckdb");
        ProfileTarget target = new ProfileTarget("jaffle", "dev", "duckdb", Map.of("path", "settings.duckdb",
                "settings", Map.of("memory_limit", "200MB", "threads", 1)), "profiles.yml");
        try (Warehouse warehouse = WarehouseConnector.open(target, projectDir);
                RowStream stream = warehouse.stream(
                        "SELECT current_setting('memory_limit'), current_setting('threads')", 10)) {
            assertThat(stream.next()).isTrue();
            assertThat(stream.text(0)).isIn("190.7 MiB", "200.0 MB", "200MB");
            assertThat(stream.text(1)).isEqualTo("1");
        }
    }

    @Test
    void settingsThatAreNotAMapAreAConfigError() {
        ProfileTarget target = new ProfileTarget("jaffle", "dev", "duckdb", Map.of("path", ":memory:",
                "settings", "memory_limit=1GB"), "profiles.yml");
        assertThatThrownBy(() -> WarehouseConnector.open(target, projectDir)).hasMessageContaining("settings")
                .hasMessageContaining("map");
    }

    @Test
    void readOnlyReadsButDoesNotWrite() {
        createDatabase("ro.duckdb");
        ProfileTarget target = new ProfileTarget("jaffle", "dev", "duckdb", Map.of("path", "ro.duckdb"),
                "profiles.yml");
        try (Warehouse warehouse = WarehouseConnector.open(target, projectDir, AccessMode.READ_ONLY)) {
            assertThat(warehouse.exists(new Relation("ro", "main", "customers"))).isTrue();
            try (RowStream stream = warehouse.stream("SELECT count(*) FROM main.customers", 10)) {
                assertThat(stream.next()).isTrue();
                assertThat(stream.json(0).longValue()).isEqualTo(2);
            }
            assertThatThrownBy(() -> warehouse.jdbi().useHandle(handle -> handle.execute(
                    "CREATE TABLE main.spoke_state (k VARCHAR)"))).hasMessageContaining("read-only");
        }
    }

    @Test
    void twoWarehousesOnOneFileInOneProcessShareTheDatabase() {
        String url = "jdbc:duckdb:" + projectDir.resolve("shared.duckdb");
        try (Warehouse first = WarehouseConnector.open(url, new Properties(), "duckdb");
                Warehouse second = WarehouseConnector.open(url, new Properties(), "duckdb")) {
            first.jdbi().useHandle(handle -> handle.execute("CREATE TABLE t AS SELECT 42 AS v"));
            try (RowStream stream = second.stream("SELECT v FROM t", 10)) {
                assertThat(stream.next()).isTrue();
                assertThat(stream.json(0).intValue()).isEqualTo(42);
            }
        }
    }

    private void createDatabase(String file) {
        try (Warehouse warehouse = WarehouseConnector.open("jdbc:duckdb:" + projectDir.resolve(file),
                new Properties(), "duckdb")) {
            warehouse.jdbi().useHandle(handle -> handle.execute(
                    "CREATE TABLE main.customers AS SELECT * FROM (VALUES (1, 'Ada'), (2, 'Grace')) c(id, name)"));
        }
    }
}
