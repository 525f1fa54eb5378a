package dev.spoke.dbt;

import java.util.List;

/** Selection over every enabled model of a real manifest, answering with model display names (for assertions). */
final class ModelSelection {
    final Manifest manifest;
    final RunResults runResults;
    final List<Selectable> candidates;

    ModelSelection(Manifest manifest, RunResults runResults) {
        this.manifest = manifest;
        this.runResults = runResults;
        this.candidates = manifest.enabledModels().stream().map(m -> Selectable.model(m.uniqueId())).toList();
    }

    /** The models the --select arguments pick. */
    List<String> select(String... select) {
        return selectExcluding(List.of(select), List.of());
    }

    List<String> selectExcluding(List<String> select, List<String> exclude) {
        return names(NodeSelector.select(manifest, candidates, select, exclude, runResults));
    }

    Selection evaluate(List<String> select, List<String> exclude) {
        return NodeSelector.evaluate(manifest, candidates, select, exclude, runResults);
    }

    List<String> names(List<Selectable> selected) {
        return selected.stream().map(s -> manifest.model(s.modelUniqueId()).orElseThrow().displayName()).toList();
    }
}
