package dev.spoke.destination;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How an export keeps its destination in step with its model. */
public enum SyncMode {
    /** Rows whose key is new or whose values changed since the last delivery. The default. */
    UPSERT,
    /**
     * Rows whose values changed since the last delivery (every row on the first run), all sent as updates: the
     * destination updates the records it has and creates none.
     */
    UPDATE,
    /** Only rows whose key is new to the destination. */
    INSERT,
    /** As upsert, and keys that left the model are deleted at the destination. */
    MIRROR,
    /** Every row, every run, with no change detection: for event-like feeds. */
    APPEND;

    /** The name users write in YAML: {@code upsert}, {@code mirror}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SyncMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(m -> m.configName().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** {@code upsert | update | insert | mirror | append}, for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(SyncMode::configName).collect(Collectors.joining(" | "));
    }



    /** Whether this mode deletes, at the destination, keys that left the model. */
    public boolean sendsRemoved() {
        return this == MIRROR;
    }
}
