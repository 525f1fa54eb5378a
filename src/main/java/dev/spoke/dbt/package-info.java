/**
 * Reads dbt's artifacts and files: {@code manifest.json} (schema v4 to v12 and dbt Fusion), {@code run_results.json},
 * {@code dbt_project.yml}, {@code profiles.yml}, and dbt's node selection syntax ({@code --select}/{@code --exclude}).
 *
 * <p>Owns the immutable view of a dbt project that the rest of spoke works from ({@link dev.spoke.dbt.Manifest},
 * {@link dev.spoke.dbt.Model}). Reads only what spoke needs and ignores every unknown field, because dbt adds fields
 * in every release. Must not know about destinations, exports or warehouses.
 *
 * <p>Entry points: {@link dev.spoke.dbt.ManifestReader}, {@link dev.spoke.dbt.RunResultsReader},
 * {@link dev.spoke.dbt.DbtProject#read}, {@link dev.spoke.dbt.ProfilesReader} and {@link dev.spoke.dbt.NodeSelector}
 * (which selects {@link dev.spoke.dbt.Selectable} candidates the engine builds, so it can select exports without
 * knowing what they are). Every user error is a {@link dev.spoke.SpokeException} naming the file and position.
 * The JSON artifacts are streamed with Jackson and only the parts spoke uses are kept; the YAML files are read with
 * SnakeYAML, as dbt reads them with PyYAML (anchors and merge keys resolved).
 */
package dev.spoke.dbt;
