package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.Environment;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a command finds the dbt project and what it selects: the dbt-style flags every command shares.
 *
 * @param projectDir the dbt project directory ({@code --project-dir}, default the current directory)
 * @param profilesDir {@code --profiles-dir}, or {@code null} to search as dbt does
 * @param profile {@code --profile}, or {@code null} for dbt_project.yml's
 * @param target {@code --target}, or {@code null} for the profile's default
 * @param manifest {@code --manifest}, or {@code null} for {@code <target-path>/manifest.json}
 * @param select {@code --select} arguments (empty: everything)
 * @param exclude {@code --exclude} arguments
 * @param environment where env_var() looks
 * @param runResults {@code --run-results}: dbt's run_results.json, which must then exist; or {@code null} for
 *     {@code <target-path>/run_results.json} when that exists
 * @param requireRunResults {@code --require-run-results}: a missing run_results.json is a config error
 */
public record ProjectRequest(
        Path projectDir, Path profilesDir, String profile, String target, Path manifest, List<String> select,
        List<String> exclude, Environment environment, Path runResults, boolean requireRunResults) {
    public ProjectRequest {
        requireNonNull(projectDir, "projectDir is null");
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
        requireNonNull(environment, "environment is null");
    }

    /** A request that reads dbt's run results from the default place, when they are there. */
    public ProjectRequest(
            Path projectDir, Path profilesDir, String profile, String target, Path manifest, List<String> select,
            List<String> exclude, Environment environment) {
        this(projectDir, profilesDir, profile, target, manifest, select, exclude, environment, null, false);
    }
}
