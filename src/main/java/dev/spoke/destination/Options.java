package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.Secret;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated option values, converted to their declared types by {@link OptionValidator}, defaults applied. Getters
 * are typed; asking for an undeclared option or the wrong type is a programming error.
 */
public final class Options {
    private final Map<String, Object> values;

    public Options(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
    }

    public static Options empty() {
        return new Options(Map.of());
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** A text option; a secret is revealed, so call this only where the value goes on the wire. */
    public Optional<String> string(String name) {
        Object value = values.get(name);
        if (value instanceof Secret secret) {
            return Optional.of(secret.reveal());
        }
        return Optional.ofNullable((String) value);
    }

    public String requiredString(String name) {
        return string(name).orElseThrow(() -> new IllegalStateException("option " + name + " is not set"));
    }

    /** A secret option. A value written without env_var() in a non-secret option is wrapped as well. */
    public Optional<Secret> secret(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Secret) {
            return Optional.ofNullable((Secret) value);
        }
        return Optional.of(Secret.of(value.toString(), "option " + name));
    }

    public Optional<Long> integer(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    public Optional<Boolean> bool(String name) {
        return Optional.ofNullable((Boolean) values.get(name));
    }

    public Optional<Duration> duration(String name) {
        return Optional.ofNullable((Duration) values.get(name));
    }

    /** A map of text; values rendered from env_var() are {@link Secret}s, others are Strings. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object value = values.get(name);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** A list of text; items rendered from env_var() are revealed, so use it only on the wire. */
    public List<String> list(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream()
                .map(item -> item instanceof Secret secret ? secret.reveal() : String.valueOf(item))
                .toList();
    }

    /** All values, secrets still wrapped: safe to print. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
