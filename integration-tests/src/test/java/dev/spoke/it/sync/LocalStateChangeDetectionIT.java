package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.DuckDbWarehouse;
import dev.spoke.it.support.PostgresSchema;
import dev.spoke.it.support.TestProject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ChangeDetectionContract} on PostgreSQL with {@code state.backend: local}: the same results, and the local
 * state file keeps the state only, not the keys it staged to compute a change set.
 */
class LocalStateChangeDetectionIT extends ChangeDetectionContract {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    private final SyncBackend backend = SyncBackend.postgresWithLocalState(SCHEMA);

    @Override
    SyncBackend backend() {
        return backend;
    }

    @Test
    void aSyncLeavesOnlyStateInTheLocalFileNotTheKeysItStaged() {
        CustomerTable customers = new CustomerTable(warehouse, "staged").create(1_000);
        TestProject project = project(customers, destination("mirror"));
        sync(project);
        sync(project);

        List<Object> tables = new DuckDbWarehouse(SyncBackend.localStateFile(project))
                .query("SELECT table_name FROM information_schema.tables ORDER BY table_name").stream()
                .map(row -> row.get("table_name")).toList();
        assertThat(tables).containsExactly("exports", "locks", "pending_jobs", "snapshot_staged__hook", "sync_log");
    }
}
