/**
 * The engine: turns selected exports into a plan (what changed, per destination), then runs it: reads change sets,
 * maps rows to payloads, checks keys, batches, hands batches to the delivery layer, commits confirmed rows per
 * batch, and reports per export and destination. {@link dev.spoke.sync.SyncEngine} is the facade the CLI calls.
 */
package dev.spoke.sync;
