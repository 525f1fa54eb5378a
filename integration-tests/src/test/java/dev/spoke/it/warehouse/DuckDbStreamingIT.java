package dev.spoke.it.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.warehouse.RowStream;
import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseConnector;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A million DuckDB rows read and converted to JSON while the JVM heap stays flat. */
class DuckDbStreamingIT {
    private static final long MEGABYTE = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void streamsAMillionRowsWithoutHoldingThem() {
        try (Warehouse warehouse = WarehouseConnector.open("jdbc:duckdb:" + dir.resolve("big.duckdb"),
                new Properties(), "duckdb")) {
            // about 120 bytes of text per row: 1M rows held in memory would take well over 150 MB of heap
            warehouse.jdbi().useHandle(handle -> handle.execute("CREATE TABLE big AS SELECT i AS id,"
                    + " repeat('x', 100) || i AS payload, CAST(i AS DECIMAL(18,2)) / 4 AS amount"
                    + " FROM range(0, 1000000) t(i)"));
            long baseline = 0;
            long peak = 0;
            long sumOfIds = 0;
            try (RowStream stream = warehouse.stream("SELECT * FROM big ORDER BY id", 10_000)) {
                while (stream.next()) {
                    sumOfIds += stream.json(0).longValue();
                    stream.json(1);
                    stream.json(2);
                    if (stream.rowsRead() == 10_000) {
                        baseline = usedHeapAfterGc();
                    } else if (stream.rowsRead() % 250_000 == 0) {
                        peak = Math.max(peak, usedHeapAfterGc());
                    }
                }
                assertThat(stream.rowsRead()).isEqualTo(1_000_000);
            }
            assertThat(sumOfIds).isEqualTo(999_999L * 1_000_000L / 2);
            assertThat((peak - baseline) / MEGABYTE).as("heap growth in MB while streaming").isLessThan(48);
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
