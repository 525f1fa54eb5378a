package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.DuckDbWarehouse;
import dev.spoke.it.support.PostgresSchema;
import dev.spoke.it.support.PostgresWarehouse;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.TestWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link IncrementalSyncContract} on PostgreSQL with {@code state.backend: local}: the same results, with the state
 * in target/spoke_state.duckdb and nothing written to the warehouse.
 */
class PostgresLocalStateIncrementalSyncIT extends IncrementalSyncContract {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Override
    TestWarehouse warehouse(Path testDir) {
        return new PostgresWarehouse(SCHEMA);
    }

    @Override
    void configureState(TestProject project) {
        project.state("backend", "local").state("schema", "spoke_local");
    }

    @Override
    TestWarehouse stateDatabase(TestProject project) {
        Path file = stateFile(project);
        assertThat(file).exists();
        assertThat(warehouse.schemaExists("spoke_local")).as("the local backend writes nothing to the warehouse")
                .isFalse();
        return new DuckDbWarehouse(file);
    }

    @Override
    void assertNoStateWasCreated(TestProject project, String stateSchema) {
        assertThat(warehouse.schemaExists(stateSchema)).isFalse();
        Path file = stateFile(project);
        if (Files.exists(file)) {
            assertThat(new DuckDbWarehouse(file).query("SELECT table_name FROM information_schema.tables"))
                    .as("tables a plan left in the local state file").isEmpty();
        }
    }

    @Test
    void aSyncLeavesOnlyStateInTheLocalFileNotTheKeysItStaged() {
        CustomerTable customers = new CustomerTable(warehouse, "staged").create(1_000);
        TestProject project = project(customers, destination("mirror"));
        sync(project);
        sync(project);

        List<Object> tables = new DuckDbWarehouse(stateFile(project))
                .query("SELECT table_name FROM information_schema.tables ORDER BY table_name").stream()
                .map(row -> row.get("table_name")).toList();
        assertThat(tables).containsExactly("exports", "locks", "pending_jobs", "snapshot_staged__hook", "sync_log");
    }

    private static Path stateFile(TestProject project) {
        return project.dir().resolve("target/spoke_state.duckdb");
    }
}
