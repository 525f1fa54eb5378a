package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the manifest's parent and child maps for graph selection ({@code +model}, {@code model+2}, {@code @model}),
 * through every node type (sources, seeds, snapshots, tests), as dbt does. Depth counts every hop.
 */
final class DependencyGraph {
    private final Manifest manifest;

    DependencyGraph(Manifest manifest) {
        this.manifest = requireNonNull(manifest, "manifest is null");
    }

    /** Every node of the graph, models and others. */
    Set<String> nodes() {
        Set<String> nodes = new LinkedHashSet<>(manifest.parentMap().keySet());
        nodes.addAll(manifest.childMap().keySet());
        return nodes;
    }

    /** The ancestors of the start nodes up to {@code depth} generations ({@code null}: all), without the starts. */
    Set<String> ancestors(Collection<String> start, Integer depth) {
        return walk(start, depth, manifest.parentMap());
    }

    /** The descendants of the start nodes up to {@code depth} generations ({@code null}: all), without the starts. */
    Set<String> descendants(Collection<String> start, Integer depth) {
        return walk(start, depth, manifest.childMap());
    }

    /** What the criterion's graph operators add to the start nodes (not the starts themselves, unless reached). */
    Set<String> neighbours(SelectionCriterion criterion, Collection<String> start) {
        Set<String> found = new LinkedHashSet<>();
        if (criterion.parents()) {
            found.addAll(ancestors(start, criterion.parentsDepth()));
        }
        if (criterion.children()) {
            found.addAll(descendants(start, criterion.childrenDepth()));
        }
        if (criterion.childrensParents()) {
            Set<String> descendants = descendants(start, null);
            Set<String> family = new LinkedHashSet<>(start);
            family.addAll(descendants);
            found.addAll(descendants);
            found.addAll(ancestors(family, null));
        }
        return found;
    }

    private static Set<String> walk(Collection<String> start, Integer depth, Map<String, List<String>> edges) {
        Set<String> seen = new LinkedHashSet<>(start);
        Set<String> found = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>(start);
        int generation = 0;
        while (!frontier.isEmpty() && (depth == null || generation < depth)) {
            Deque<String> next = new ArrayDeque<>();
            for (String node : frontier) {
                for (String neighbour : edges.getOrDefault(node, List.of())) {
                    found.add(neighbour);
                    if (seen.add(neighbour)) {
                        next.add(neighbour);
                    }
                }
            }
            frontier = next;
            generation++;
        }
        return found;
    }
}
