/**
 * Warehouse access: connections built from a dbt profile target (DuckDB in-process, PostgreSQL), the SQL dialect of
 * each adapter (Apache Calcite's {@code SqlDialect} quotes every identifier and literal), the key, row-hash and shard
 * expressions that change detection runs in the warehouse, and streaming reads that convert each value to exact JSON
 * (decimals unrounded, timestamps ISO-8601).
 *
 * <p>Entry points: {@link dev.spoke.warehouse.WarehouseConnector} opens a {@link dev.spoke.warehouse.Warehouse};
 * its {@link dev.spoke.warehouse.Dialect} writes SQL; {@link dev.spoke.warehouse.Warehouse#stream} returns a
 * {@link dev.spoke.warehouse.RowStream}.
 *
 * <p>Connections and threads: a {@code Warehouse} is thread-safe. Every JDBI handle and every stream has a connection
 * of its own, set up alike (time zone UTC; on PostgreSQL ISO intervals, shortest exact floats, hex bytea), so the text
 * of a value, and so keys and hashes, is the same on every connection and machine. A stream's connection is busy
 * until the stream is closed; write state through {@code jdbi()} meanwhile. On PostgreSQL a stream holds a read-only
 * transaction (its snapshot) open; on DuckDB it reads a spool of its own. DuckDB connections are duplicates of one
 * in-process database per file (opening the same file twice in one process shares it); DuckDB runs them concurrently
 * with optimistic MVCC, so two connections updating the same rows conflict, and no other process can open the file
 * while spoke has it open read-write.
 *
 * <p>Knows relations and columns, not exports or destinations. Never splices a name into SQL unquoted.
 */
package dev.spoke.warehouse;
