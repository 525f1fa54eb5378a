package dev.spoke.state;

import static java.util.Objects.requireNonNull;

/**
 * A row as the snapshot knows it: its key text and the hash of what was sent.
 *
 * @param key the key text ({@link dev.spoke.destination.RowKey#text()})
 * @param rowHash the hash of the sent payload
 */
public record KeyHash(String key, String rowHash) {
    public KeyHash {
        requireNonNull(key, "key is null");
        requireNonNull(rowHash, "rowHash is null");
    }
}
