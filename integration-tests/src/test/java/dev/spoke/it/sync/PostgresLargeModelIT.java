package dev.spoke.it.sync;

import dev.spoke.it.support.PostgresSchema;
import dev.spoke.it.support.PostgresWarehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link LargeModelDelivery} on PostgreSQL. */
class PostgresLargeModelIT extends LargeModelDelivery {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @TempDir
    Path work;

    @Test
    void hundredThousandRowsArriveExactlyWithA64MbHeap() {
        deliversEveryRowExactlyWithABoundedHeap(new PostgresWarehouse(SCHEMA), work);
    }
}
