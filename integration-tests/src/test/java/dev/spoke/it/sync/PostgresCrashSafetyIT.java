package dev.spoke.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.PostgresSchema;
import dev.spoke.it.support.PostgresWarehouse;
import dev.spoke.it.support.TestWarehouse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CrashSafety} on PostgreSQL, one batch at a time and four at once. */
class PostgresCrashSafetyIT extends CrashSafety {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Override
    TestWarehouse warehouse(Path testDir) {
        return new PostgresWarehouse(SCHEMA);
    }

    @Test
    void fourBatchesAtOnceTheRepeatsAreLimitedToTheBatchesInFlight() throws InterruptedException {
        Crash crash = crash("concurrent", 4);

        assertThat(crash.inFlight()).hasSizeBetween(1, 4);
        assertThat(crash.repeatedKeys()).isNotEmpty().isSubsetOf(keysOf(crash.inFlight()));
        assertThat(crash.repeatedKeys().size()).isLessThanOrEqualTo(4 * 100);
    }

    /** Polls the snapshot table, which PostgreSQL lets a second session read while spoke writes. */
    @Override
    void awaitCommitted(String schema, String snapshotTable, long rows) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (warehouse.tableExists(schema, snapshotTable) && warehouse.count("SELECT count(*) FROM "
                    + warehouse.quoted(schema) + "." + warehouse.quoted(snapshotTable)) >= rows) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the confirmed batches were not committed to " + snapshotTable + " within 30 s");
    }
}
