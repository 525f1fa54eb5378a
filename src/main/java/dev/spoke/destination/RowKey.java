package dev.spoke.destination;

import java.util.Arrays;
import java.util.List;

/**
 * The identity of a row: the values of its key columns as text, in key order. Its {@link #text()} is the form
 * stored in the state store and computed by the warehouse (parts joined by the ASCII unit separator, U+001F),
 * so the engine never has to re-derive a key from typed values.
 *
 * @param parts the key values as text, never null
 */
public record RowKey(List<String> parts) {
    /** The separator between the parts of a composite key in {@link #text()}. */
    public static final char SEPARATOR = '\u001f';

    public RowKey {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a row key has at least one part");
        }
    }

    public static RowKey of(String... parts) {
        return new RowKey(Arrays.asList(parts));
    }

    /** Parses the stored form back into parts. */
    public static RowKey parse(String text) {
        return new RowKey(Arrays.asList(text.split(String.valueOf(SEPARATOR), -1)));
    }

    /** The stored form: parts joined by U+001F. */
    public String text() {
        return parts.size() == 1 ? parts.get(0) : String.join(String.valueOf(SEPARATOR), parts);
    }

    /** For messages and logs: a single part as is, several as {@code (a, b)}. */
    @Override
    public String toString() {
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }
}
