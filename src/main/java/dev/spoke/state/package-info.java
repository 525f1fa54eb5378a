/**
 * Delivery state: per (export, destination) the snapshot of (key, row hash) the destination confirmed, the
 * generated change-set queries that diff a model against it inside the warehouse, the sync_log of rejected and
 * invalid rows, pending asynchronous jobs, and the run lock. Backends: the warehouse itself (default) and a local
 * embedded database under the project's target/ directory.
 *
 * <p>Knows SQL dialects and row keys, not HTTP or destination types.
 */
package dev.spoke.state;
