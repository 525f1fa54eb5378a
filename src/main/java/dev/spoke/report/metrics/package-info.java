/**
 * Metrics of a sync, with Micrometer: {@link dev.spoke.report.metrics.SyncMetrics} hears the delivery layer
 * (requests, retries, waits) and each export's result (rows, phases), {@link dev.spoke.report.metrics.MetricsFile}
 * writes them as a Prometheus text file for node_exporter's textfile collector, and
 * {@link dev.spoke.report.metrics.Pushgateway} pushes them at the end of the run.
 *
 * <p>Row counts come from each export's {@link dev.spoke.sync.ExportResult}, the same object run results are written
 * from, so the two always agree. Knows nothing of the CLI.
 */
package dev.spoke.report.metrics;
