package dev.spoke.state;

import static java.util.Objects.requireNonNull;

/**
 * A row as the snapshot knows it: its key text, the hash of what was sent, and the id the destination gave it.
 *
 * @param key the key text ({@link dev.spoke.destination.RowKey#text()})
 * @param rowHash the hash of the sent payload
 * @param vendorId the destination's own id of the row (a HubSpot record id, a Mailchimp subscriber hash), or
 *     {@code null} when the destination reports none; recorded so that a delete, or an update that changed the
 *     destination's identifier, can name the record the destination has
 */
public record KeyHash(String key, String rowHash, String vendorId) {
    public KeyHash {
        requireNonNull(key, "key is null");
        requireNonNull(rowHash, "rowHash is null");
    }

    /** A row the destination gave no id of its own. */
    public KeyHash(String key, String rowHash) {
        this(key, rowHash, null);
    }
}
