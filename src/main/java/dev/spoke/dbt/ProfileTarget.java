package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse connection of one dbt profile target, env_var() rendered.
 *
 * @param profile the profile name
 * @param target the target name
 * @param type the adapter type: {@code postgres}, {@code duckdb}, ...
 * @param fields the target's fields: String, Number, Boolean, Map or List; {@code password} and anything rendered
 *     from env_var() that looks secret are {@link Secret}s
 * @param source the profiles.yml it came from
 */
public record ProfileTarget(String profile, String target, String type, Map<String, Object> fields, String source) {
    public ProfileTarget {
        requireNonNull(profile, "profile is null");
        requireNonNull(target, "target is null");
        requireNonNull(type, "type is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        requireNonNull(source, "source is null");
    }

    /** A text field; a secret is revealed, so use it only to connect. */
    public Optional<String> string(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value instanceof Secret secret ? secret.reveal() : String.valueOf(value));
    }

    public Optional<Integer> integer(String name) {
        return string(name).map(text -> {
            try {
                return (int) Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("profile " + profile + " target " + target + ": field " + name
                        + " must be a number, got '" + text + "'");
            }
        });
    }

    public Optional<Secret> secret(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value instanceof Secret secret ? secret : Secret.of(String.valueOf(value), name));
    }
}
