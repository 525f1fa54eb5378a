package dev.spoke.bench;

import java.time.Duration;
import java.util.Map;

/**
 * A warehouse the benchmark builds its model in: the same ten columns of mixed types on every adapter (bigint key,
 * text, unicode text, numeric, timestamptz, date, boolean, json, nullable text, double), the changes the reruns
 * measure, and the database's own bulk export of the model, which is the read limit spoke is compared with.
 */
interface BenchDatabase extends AutoCloseable {
    /** The table the model reads. */
    String TABLE = "bench_rows";

    /** The dbt adapter type. */
    String adapter();

    /** The version of the database (and of its JDBC driver), for the results. */
    String version();

    /** (Re)creates the model's table with {@code rows} rows (ids 1..rows) and forgets spoke's state. */
    void create(long rows);

    /** The wall time of the database's own bulk export of every row of the model (warm, best of a few). */
    Duration bulkExport();

    /** Changes two columns of 1% of the rows (ids divisible by 100); returns how many. */
    long changeOnePercent();

    /** Deletes 1% of the rows (ids that are 50 modulo 100); returns how many. */
    long deleteOnePercent();

    /** The model relation's database (catalog) as dbt names it. */
    String database();

    /** The model relation's schema. */
    String schema();

    /** The state schema spoke writes to. */
    String stateSchema();

    /** The profiles.yml target that reaches this database, as dbt would read it. */
    Map<String, Object> profileTarget();

    /** Drops what the benchmark created. */
    @Override
    void close();

    /** Milliseconds, for messages. */
    static long millis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
