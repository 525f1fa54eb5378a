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
 */
public record ProjectRequest(
        Path projectDir, Path profilesDir, String profile, String target, Path manifest, List<String> select,
        List<String> exclude, Environment environment) {
    public ProjectRequest {
        requireNonNull(projectDir, "projectDir is null");
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
        requireNonNull(environment, "environment is null");
    }
}
