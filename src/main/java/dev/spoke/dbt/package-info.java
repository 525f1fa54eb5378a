/**
 * Reads dbt's artifacts and files: {@code manifest.json} (schema v4 to v12 and dbt Fusion), {@code run_results.json},
 * {@code dbt_project.yml}, {@code profiles.yml}, and dbt's node selection syntax ({@code --select}/{@code --exclude}).
 *
 * <p>Owns the immutable view of a dbt project that the rest of spoke works from ({@link dev.spoke.dbt.Manifest},
 * {@link dev.spoke.dbt.Model}). Reads only what spoke needs and ignores every unknown field, because dbt adds fields
 * in every release. Must not know about destinations, exports or warehouses.
 */
package dev.spoke.dbt;
