package dev.spoke.cli;

import dev.spoke.config.Environment;
import dev.spoke.sync.ProjectRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The dbt-style flags every project command takes. */
final class ProjectOptions {
    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "The dbt project directory (where dbt_project.yml is). Default: $DBT_PROJECT_DIR, else the current directory.")
    Path projectDir;

    @Option(names = "--profiles-dir", paramLabel = "DIR",
            description = "Where profiles.yml is. Default: $DBT_PROFILES_DIR, else the project directory, else ~/.dbt.")
    Path profilesDir;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile to use instead of dbt_project.yml's.")
    String profile;

    @Option(names = {"-t", "--target"}, paramLabel = "NAME", description = "The target to use instead of the profile's default.")
    String target;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "The manifest to read. Default: <project-dir>/<target-path>/manifest.json.")
    Path manifest;

    @Option(names = "--run-results", paramLabel = "FILE",
            description = "dbt's run_results.json, for result: selectors and freshness gating (sync). Default:"
                    + " <project-dir>/<target-path>/run_results.json when it exists.")
    Path runResults;

    @Option(names = {"-s", "--select"}, arity = "1..*", paramLabel = "SELECTOR",
            description = "dbt selection syntax (names, tag:, path:, fqn:, config.materialized:, +graph, unions, intersections) plus export: and destination:.")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "Selectors to leave out.")
    List<String> exclude = new ArrayList<>();

    ProjectRequest toRequest(Environment environment) {
        return toRequest(environment, false);
    }

    /** @param requireRunResults whether a missing run_results.json is a config error ({@code --require-run-results}) */
    ProjectRequest toRequest(Environment environment, boolean requireRunResults) {
        Path dir = projectDir;
        if (dir == null) {
            dir = environment.get("DBT_PROJECT_DIR").map(Path::of).orElse(Path.of("."));
        }
        return new ProjectRequest(dir, profilesDir, profile, target, manifest, select, exclude, environment,
                runResults, requireRunResults);
    }
}
