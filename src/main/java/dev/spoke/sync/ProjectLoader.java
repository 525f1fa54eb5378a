package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.config.Discovery;
import dev.spoke.config.Export;
import dev.spoke.config.ExportBinder;
import dev.spoke.config.Problem;
import dev.spoke.config.SpokeConfigReader;
import dev.spoke.config.SpokeConfigResult;
import dev.spoke.config.TemplateRenderer;
import dev.spoke.dbt.DbtProject;
import dev.spoke.dbt.Manifest;
import dev.spoke.dbt.ManifestReader;
import dev.spoke.dbt.Model;
import dev.spoke.dbt.NodeSelector;
import dev.spoke.dbt.RunResults;
import dev.spoke.dbt.Selectable;
import dev.spoke.dbt.Selection;
import dev.spoke.destination.DestinationRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a dbt project for any command: dbt_project.yml, the manifest, spoke.yml, the exports declared in meta, and
 * the selection. Every {@code meta.destinations} entry is a selection candidate, valid or not, so that a typo in a
 * selected model stops the run instead of silently dropping its export.
 */
public final class ProjectLoader {
    private final DestinationRegistry registry;

    public ProjectLoader(DestinationRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /**
     * @param request where the project is and what to select
     * @param runResults dbt's run results for {@code result:} selectors, or {@code null}
     */
    public LoadedProject load(ProjectRequest request, RunResults runResults) {
        return load(request, runResults == null ? null : new RunResultsFile(Path.of("run_results.json"), runResults,
                null), false);
    }

    /**
     * Loads the project with dbt's run results as the request says: {@code --run-results}, else
     * {@code <target-path>/run_results.json} when it exists. They drive {@code result:} selectors and, in a sync,
     * freshness gating.
     *
     * @throws dev.spoke.SpokeException (CONFIG_ERROR) when the file named by {@code --run-results} is missing, or
     *     none is found while {@code --require-run-results} is set, or the file is not dbt run results
     */
    public LoadedProject load(ProjectRequest request) {
        return load(request, null, true);
    }

    private LoadedProject load(ProjectRequest request, RunResultsFile given, boolean readRunResults) {
        Path projectDir = request.projectDir().toAbsolutePath().normalize();
        DbtProject dbtProject = DbtProject.read(projectDir, request.environment());
        Path targetDir = projectDir.resolve(dbtProject.targetPath()).normalize();
        Path manifestPath = request.manifest() != null
                ? request.manifest().toAbsolutePath().normalize()
                : targetDir.resolve("manifest.json");
        List<String> warnings = new ArrayList<>();
        Manifest manifest = ManifestReader.read(manifestPath, warnings::add);
        RunResultsFile runResultsFile = readRunResults
                ? RunResultsLocator.read(request, projectDir, targetDir, manifest, warnings::add).orElse(null)
                : given;
        RunResults runResults = runResultsFile == null ? null : runResultsFile.results();
        SpokeConfigResult config = SpokeConfigReader.read(projectDir, new TemplateRenderer(request.environment()));
        Discovery discovery = ExportBinder.discover(manifest, config, registry, projectDir);

        List<Candidate> candidates = candidates(manifest, discovery.exports());
        Selection selection = NodeSelector.evaluate(manifest, candidates.stream().map(Candidate::selectable).toList(),
                request.select(), request.exclude(), runResults);
        warnings.addAll(selection.warnings());
        Set<Selectable> chosen = new HashSet<>(selection.selected());

        List<Export> selected = new ArrayList<>();
        Set<String> selectedModels = new HashSet<>();
        Set<String> selectedConnections = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (chosen.contains(candidate.selectable())) {
                selectedModels.add(candidate.modelDisplayName());
                selectedConnections.add(candidate.connection());
                if (candidate.export() != null) {
                    selected.add(candidate.export());
                }
            }
        }
        List<Problem> blocking = new ArrayList<>();
        List<Problem> other = new ArrayList<>();
        for (Problem problem : discovery.problems()) {
            (blocks(problem, selectedModels, selectedConnections) ? blocking : other).add(problem);
        }
        return new LoadedProject(request, dbtProject, targetDir, manifest, config.config(), discovery.exports(),
                selected, blocking, other, warnings, java.util.Optional.ofNullable(runResultsFile));
    }

    /** A problem blocks when it is about a selected model, a connection a selected entry uses, or spoke.yml at large. */
    private static boolean blocks(Problem problem, Set<String> selectedModels, Set<String> selectedConnections) {
        if (problem.model() != null) {
            return selectedModels.contains(problem.model());
        }
        String key = problem.key() == null ? "" : problem.key();
        if (key.startsWith("connections.")) {
            String rest = key.substring("connections.".length());
            int dot = rest.indexOf('.');
            String connection = dot < 0 ? rest : rest.substring(0, dot);
            return selectedConnections.contains(connection);
        }
        return true;
    }

    private static List<Candidate> candidates(Manifest manifest, List<Export> exports) {
        Map<String, Export> byEntry = new HashMap<>();
        for (Export export : exports) {
            byEntry.put(export.model().uniqueId() + "#" + export.entryIndex(), export);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Model model : manifest.enabledModels()) {
            JsonNode entries = model.meta().get("destinations");
            if (entries == null || !entries.isArray()) {
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                Export export = byEntry.get(model.uniqueId() + "#" + i);
                String connection = entries.get(i).path("to").asText("");
                String exportId = export == null ? "" : export.id();
                candidates.add(new Candidate(Selectable.export(model.uniqueId(), exportId, connection),
                        model.displayName(), connection, export));
            }
        }
        return candidates;
    }

    private record Candidate(Selectable selectable, String modelDisplayName, String connection, Export export) {
    }
}
