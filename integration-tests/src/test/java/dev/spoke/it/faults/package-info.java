/**
 * Fault injection (issue 5): {@code spoke sync} run through the real engine against a scripted webhook receiver
 * ({@link dev.spoke.it.support.fakes.FaultyReceiver}) that throttles, fails, stalls, breaks connections, refuses
 * batches and rows, or is down; a DuckDB warehouse in a temporary dbt project
 * ({@link dev.spoke.it.faults.FaultProject}); and the CLI jar as a subprocess where a signal, a kill or a flag is the
 * point ({@link dev.spoke.it.faults.SpokeProcess}). Every case checks on both sides that each good row was delivered
 * and committed, each bad row reported with its reason in run results and sync_log, nothing lost, and the status,
 * counts and exit code.
 */
package dev.spoke.it.faults;
