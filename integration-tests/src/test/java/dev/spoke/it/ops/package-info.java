/**
 * Integration tests of what orchestrators and on-call engineers rely on: freshness gating from dbt's real
 * run_results.json, metrics that agree with run results, JSON logs without secrets, the progress line on a terminal,
 * alerts to a fake Slack webhook. Each runs the packaged CLI ({@code target/spoke.jar}) as a process, as an
 * orchestrator would.
 */
package dev.spoke.it.ops;
