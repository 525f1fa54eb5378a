package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.Export;
import dev.spoke.config.Problem;
import dev.spoke.config.SpokeConfig;
import dev.spoke.dbt.DbtProject;
import dev.spoke.dbt.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A dbt project as spoke sees it: the manifest, spoke.yml, every export found, the ones selected, and every problem,
 * split into those that stop the selected exports and the rest.
 *
 * @param request how it was loaded
 * @param dbtProject dbt_project.yml
 * @param targetDir where dbt's artifacts are and spoke writes its own
 * @param manifest the manifest
 * @param config spoke.yml
 * @param exports every valid export of the project
 * @param selected the exports the selection picked, in order
 * @param blockingProblems problems of the selected models or of connections they use: nothing runs while any remain
 * @param otherProblems problems elsewhere in the project: reported, not blocking
 * @param warnings selection warnings and manifest warnings
 * @param runResults dbt's run_results.json, when one was read (for {@code result:} selectors and freshness gating)
 */
public record LoadedProject(
        ProjectRequest request,
        DbtProject dbtProject,
        Path targetDir,
        Manifest manifest,
        SpokeConfig config,
        List<Export> exports,
        List<Export> selected,
        List<Problem> blockingProblems,
        List<Problem> otherProblems,
        List<String> warnings,
        Optional<RunResultsFile> runResults) {

    public LoadedProject {
        requireNonNull(request, "request is null");
        requireNonNull(dbtProject, "dbtProject is null");
        requireNonNull(targetDir, "targetDir is null");
        requireNonNull(manifest, "manifest is null");
        requireNonNull(config, "config is null");
        exports = List.copyOf(exports);
        selected = List.copyOf(selected);
        blockingProblems = List.copyOf(blockingProblems);
        otherProblems = List.copyOf(otherProblems);
        warnings = List.copyOf(warnings);
        requireNonNull(runResults, "runResults is null");
    }

    /** A project loaded without dbt's run results. */
    public LoadedProject(
            ProjectRequest request, DbtProject dbtProject, Path targetDir, Manifest manifest, SpokeConfig config,
            List<Export> exports, List<Export> selected, List<Problem> blockingProblems, List<Problem> otherProblems,
            List<String> warnings) {
        this(request, dbtProject, targetDir, manifest, config, exports, selected, blockingProblems, otherProblems,
                warnings, Optional.empty());
    }

    /** Every problem, blocking first. */
    public List<Problem> allProblems() {
        return java.util.stream.Stream.concat(blockingProblems.stream(), otherProblems.stream()).toList();
    }
}
