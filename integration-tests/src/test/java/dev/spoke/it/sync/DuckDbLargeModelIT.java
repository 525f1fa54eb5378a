package dev.spoke.it.sync;

import dev.spoke.it.support.DuckDbWarehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LargeModelDelivery} on a DuckDB file. */
class DuckDbLargeModelIT extends LargeModelDelivery {
    @TempDir
    Path work;

    @Test
    void hundredThousandRowsArriveExactlyWithA64MbHeap() {
        deliversEveryRowExactlyWithABoundedHeap(new DuckDbWarehouse(work.resolve("warehouse.duckdb")), work);
    }
}
