package dev.spoke.config;

import java.util.List;

/**
 * The exports found in a manifest, and every problem in how they are declared.
 *
 * @param exports one per problem-free {@code meta.destinations} entry, sorted by model, then entry
 * @param problems every problem, sorted by file, model and key
 */
public record Discovery(List<Export> exports, List<Problem> problems) {
    public Discovery {
        exports = List.copyOf(exports);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
