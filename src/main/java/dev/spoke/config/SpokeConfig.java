package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * spoke.yml, read and rendered.
 *
 * @param file the file it was read from, or {@code null} when the project has none
 * @param connections connections by name, in file order
 * @param state where delivery state is kept
 */
public record SpokeConfig(Path file, Map<String, ConnectionSpec> connections, StateSettings state) {
    public SpokeConfig {
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
        requireNonNull(state, "state is null");
    }

    public Optional<ConnectionSpec> connection(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    /** The file's name relative to the project, for messages. */
    public String fileName() {
        return file == null ? "spoke.yml" : file.getFileName().toString();
    }
}
