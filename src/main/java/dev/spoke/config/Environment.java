package dev.spoke.config;

import java.util.Map;
import java.util.Optional;

/** Where {@code env_var()} looks values up: the process environment in production, a map in tests. */
@FunctionalInterface
public interface Environment {
    Optional<String> get(String name);

    static Environment system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
