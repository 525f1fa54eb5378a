package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of dbt's {@code manifest.json} that spoke works from: models (enabled and disabled), and the
 * parent/child maps that graph selection walks.
 *
 * @param source the file it was read from
 * @param metadata the manifest's metadata
 * @param models enabled models by unique id, in manifest order
 * @param disabledModels models found under {@code disabled}
 * @param parentMap unique id to the unique ids of its parents (every node type, not only models)
 * @param childMap unique id to the unique ids of its children
 */
public record Manifest(
        Path source,
        ManifestMetadata metadata,
        Map<String, Model> models,
        List<Model> disabledModels,
        Map<String, List<String>> parentMap,
        Map<String, List<String>> childMap) {

    public Manifest {
        requireNonNull(source, "source is null");
        requireNonNull(metadata, "metadata is null");
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        disabledModels = List.copyOf(disabledModels);
        parentMap = Map.copyOf(parentMap);
        childMap = Map.copyOf(childMap);
    }

    public Collection<Model> enabledModels() {
        return models.values();
    }

    public Optional<Model> model(String uniqueId) {
        return Optional.ofNullable(models.get(uniqueId));
    }

    public List<String> parentsOf(String uniqueId) {
        return parentMap.getOrDefault(uniqueId, List.of());
    }

    public List<String> childrenOf(String uniqueId) {
        return childMap.getOrDefault(uniqueId, List.of());
    }
}
