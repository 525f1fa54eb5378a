package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row on its way to a destination, already mapped to the destination's field names.
 *
 * @param key the row's identity
 * @param operation what the row asks of the destination
 * @param rowHash the hash of exactly what is sent (the payload), as recorded in the state store
 * @param idempotencyKey a key that is the same every time this version of this row is sent, in this run or a later
 *     one, so a receiver can drop a repeat; derived from (export, key, row hash)
 * @param payload the mapped fields; for {@link RowOperation#DELETE} only the key fields
 */
public record OutgoingRow(RowKey key, RowOperation operation, String rowHash, String idempotencyKey, ObjectNode payload) {
    public OutgoingRow {
        requireNonNull(key, "key is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(rowHash, "rowHash is null");
        requireNonNull(idempotencyKey, "idempotencyKey is null");
        requireNonNull(payload, "payload is null");
    }
}
