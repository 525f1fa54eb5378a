package dev.spoke.it.sync;

import dev.spoke.it.support.DuckDbWarehouse;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.TestWarehouse;
import java.nio.file.Path;

/** {@link IncrementalSyncContract} on a DuckDB file (a new one per test), state in it (the default backend). */
class DuckDbIncrementalSyncIT extends IncrementalSyncContract {
    @Override
    TestWarehouse warehouse(Path testDir) {
        return new DuckDbWarehouse(testDir.resolve("warehouse.duckdb"));
    }

    @Override
    void configureState(TestProject project) {
        project.state("backend", "warehouse");
    }

    @Override
    TestWarehouse stateDatabase(TestProject project) {
        return warehouse;
    }
}
