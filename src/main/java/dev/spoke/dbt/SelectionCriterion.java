package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One parsed selector such as {@code 2+tag:nightly+1}: a method with its arguments and value, and the graph
 * operators around it.
 *
 * @param raw the selector as written, for messages
 * @param method the method; a bare word gets dbt's default ({@code path} when it holds a slash, {@code file} when it
 *     ends in .sql/.py/.csv, else {@code fqn})
 * @param arguments the dotted arguments of the method, e.g. {@code [materialized]} for {@code config.materialized}
 * @param value what to match
 * @param parents {@code +} before: add ancestors
 * @param parentsDepth how many generations of ancestors, or {@code null} for all
 * @param children {@code +} after: add descendants
 * @param childrenDepth how many generations of descendants, or {@code null} for all
 * @param childrensParents {@code @} before: add every descendant and every ancestor of those
 */
record SelectionCriterion(
        String raw,
        SelectorMethod method,
        List<String> arguments,
        String value,
        boolean parents,
        Integer parentsDepth,
        boolean children,
        Integer childrenDepth,
        boolean childrensParents) {

    SelectionCriterion {
        requireNonNull(raw, "raw is null");
        requireNonNull(method, "method is null");
        arguments = List.copyOf(arguments);
        requireNonNull(value, "value is null");
    }

    boolean walksGraph() {
        return parents || children || childrensParents;
    }
}
