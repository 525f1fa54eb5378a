/**
 * What a run tells the world: the console summary, {@code target/spoke_run_results.json} (shaped after dbt's
 * run_results.json), metrics (Micrometer, Prometheus text file, Pushgateway), logs (human or JSON), progress lines
 * and alerts. Every secret is masked on the way out.
 */
package dev.spoke.report;
