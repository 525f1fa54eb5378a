package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import dev.spoke.network.AddressPolicy;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * spoke.yml, read and rendered.
 *
 * @param file the file it was read from, or {@code null} when the project has none
 * @param connections connections by name, in file order
 * @param state where delivery state is kept
 * @param alerts when to tell someone about a run, and where ({@code alerts:}), in file order
 * @param network where HTTP destinations and alerts may send ({@code network:})
 */
public record SpokeConfig(
        Path file, Map<String, ConnectionSpec> connections, StateSettings state, List<AlertRule> alerts,
        AddressPolicy network) {
    public SpokeConfig {
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
        requireNonNull(state, "state is null");
        alerts = List.copyOf(alerts);
        requireNonNull(network, "network is null");
    }

    /** A config with the default network policy. */
    public SpokeConfig(Path file, Map<String, ConnectionSpec> connections, StateSettings state, List<AlertRule> alerts) {
        this(file, connections, state, alerts, AddressPolicy.DEFAULT);
    }

    /** A config without alerts, with the default network policy. */
    public SpokeConfig(Path file, Map<String, ConnectionSpec> connections, StateSettings state) {
        this(file, connections, state, List.of());
    }

    public Optional<ConnectionSpec> connection(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    /** The file's name relative to the project, for messages. */
    public String fileName() {
        return file == null ? "spoke.yml" : file.getFileName().toString();
    }
}
