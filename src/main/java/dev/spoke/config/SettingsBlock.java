package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.OptionValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block of spoke.yml settings ({@code state:}, {@code delivery:}, {@code rate_limit:}) declared as a table of
 * {@link SettingKey}s. Reads a block into a builder, reporting every unknown key and bad value as a {@link Problem}.
 *
 * @param name the block's YAML key
 * @param keys the keys it accepts
 * @param <B> the builder it fills
 */
record SettingsBlock<B>(String name, List<SettingKey<B>> keys) {
    SettingsBlock {
        requireNonNull(name, "name is null");
        keys = List.copyOf(keys);
    }

    List<String> keyNames() {
        return keys.stream().map(SettingKey::name).toList();
    }

    Optional<SettingKey<B>> key(String keyName) {
        return keys.stream().filter(key -> key.name().equals(keyName)).findFirst();
    }

    /**
     * @param raw the block as rendered: a Map, or anything else (reported)
     * @param target the builder to fill
     * @param file the file, for problems
     * @param keyPrefix the block's problem key, e.g. {@code connections.crm.delivery}
     */
    void read(Object raw, B target, String file, String keyPrefix, ProblemCollector problems) {
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add("invalid-value", null, file, keyPrefix, name + " must be a mapping",
                    "Write it as " + name + ": { " + keyNames().get(0) + ": ... }; it takes " + String.join(", ",
                            keyNames()));
            return;
        }
        map.forEach((rawKey, value) -> {
            String keyName = String.valueOf(rawKey);
            Optional<SettingKey<B>> key = key(keyName);
            if (key.isEmpty()) {
                problems.add("unknown-key", null, file, keyPrefix + "." + keyName,
                        "unknown key '" + keyName + "' in " + name + OptionValidator.suggestion(keyName, keyNames()),
                        name + " takes: " + String.join(", ", keyNames()));
                return;
            }
            if (value == null) {
                return;
            }
            try {
                key.get().setter().accept(target, key.get().convert(value));
            } catch (IllegalArgumentException e) {
                problems.add("invalid-value", null, file, keyPrefix + "." + keyName, e.getMessage(),
                        "Set " + keyName + " to " + key.get().expectation() + ": " + key.get().description());
            }
        });
    }
}
