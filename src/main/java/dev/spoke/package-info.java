/**
 * The few types every package shares: {@link dev.spoke.SpokeException}, the one error type a user ever sees,
 * and {@link dev.spoke.ExitCode}, the documented process exit codes that orchestrators branch on.
 *
 * <p>Nothing here knows about dbt, warehouses or destinations.
 */
package dev.spoke;
