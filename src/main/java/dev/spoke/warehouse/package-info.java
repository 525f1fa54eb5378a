/**
 * Warehouse access: JDBI connections built from a dbt profile target (DuckDB in-process, PostgreSQL), the SQL
 * dialect of each adapter (Apache Calcite's {@code SqlDialect} quotes every identifier), and streaming reads with a
 * bounded fetch size that convert each value to JSON exactly (decimals unrounded, timestamps ISO-8601).
 *
 * <p>Knows relations and columns, not exports or destinations. Never splices a name into SQL unquoted.
 */
package dev.spoke.warehouse;
