package dev.spoke.it.sync;

import dev.spoke.it.support.DuckDbWarehouse;
import dev.spoke.it.support.TestWarehouse;
import java.nio.file.Path;

/**
 * {@link CrashSafety} on a DuckDB file: what a run committed must survive kill -9 (DuckDB replays its write-ahead
 * log when the next run opens the file). One batch at a time only: another process cannot read the file while spoke
 * holds it, so there is no way to watch the commits of concurrent batches from outside.
 */
class DuckDbCrashSafetyIT extends CrashSafety {
    @Override
    TestWarehouse warehouse(Path testDir) {
        return new DuckDbWarehouse(testDir.resolve("warehouse.duckdb"));
    }

    @Override
    void awaitCommitted(String schema, String snapshotTable, long rows) {
        // one batch at a time: the batch in flight left after the previous ones were committed
    }
}
