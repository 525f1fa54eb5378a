/**
 * The sync benchmark (issue 6): builds a model of N rows in PostgreSQL and in DuckDB, writes a dbt-shaped project
 * around it, and measures side by side, each as a whole process, the database's own bulk export (the read limit) and
 * spoke's full sync, no-change rerun, 1%-changed rerun and 1%-deleted mirror run: wall time, rows/s, ratio to the
 * export, peak RSS and peak heap. Entry point: {@link dev.spoke.bench.SyncBenchmark}; run it with
 * {@code mvn -B -Pbenchmark verify} (see docs/benchmarks.md). Not part of the normal test run.
 */
package dev.spoke.bench;
