package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * spoke.yml as read, and what is wrong with it. The config is usable even with problems (a connection whose env var
 * is missing simply lacks that option), so that {@code spoke ls} works without secrets; {@code spoke validate} and
 * {@code spoke sync} refuse to go on while there are problems.
 *
 * @param config the config, as complete as the problems allow
 * @param problems every problem found, sorted by file and key; empty when the file is fine
 */
public record SpokeConfigResult(SpokeConfig config, List<Problem> problems) {
    public SpokeConfigResult {
        requireNonNull(config, "config is null");
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
