package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * One row on its way to a destination, already mapped to the destination's field names.
 *
 * <p>A row has its key twice: {@link #key()} is its identity (the key as text, the form the state store keeps), by
 * which a destination reports outcomes; {@link #keyValues()} are the same values as JSON with the types the model
 * has ({@code 201} for a bigint, {@code "201"} for a text column, {@code 10.50} for a numeric(10,2)), which is what a
 * destination sends when it names the row. The engine sets them for a delete exactly as for an upsert of the same
 * row: from the row's own values for an upsert, from the stored key read back with the key columns' types for a
 * delete.
 *
 * @param key the row's identity
 * @param keyValues the key's values as typed JSON, one per key column, in key-column order
 * @param operation what the row asks of the destination
 * @param rowHash the hash of exactly what is sent (the payload), as recorded in the state store
 * @param idempotencyKey a key that is the same every time this version of this row is sent, in this run or a later
 *     one, so a receiver can drop a repeat; derived from (export, key, row hash)
 * @param fields the mapped fields, compact, written straight into a destination's body (see {@link RowFields});
 *     for {@link RowOperation#DELETE} only the key fields
 * @param vendorId the destination's own id of this key, as it answered when the row was last delivered
 *     ({@link RowOutcome#delivered(String)}) and the state store recorded; {@code null} for a key new to the
 *     destination or a destination that reports no ids. A delete names the record by it; an update whose identifying
 *     field changed (a Mailchimp member's email) can tell the old record from the new
 */
public record OutgoingRow(RowKey key, List<JsonNode> keyValues, RowOperation operation, String rowHash,
        String idempotencyKey, RowFields fields, String vendorId) {
    public OutgoingRow {
        requireNonNull(key, "key is null");
        keyValues = List.copyOf(keyValues);
        requireNonNull(operation, "operation is null");
        requireNonNull(rowHash, "rowHash is null");
        requireNonNull(idempotencyKey, "idempotencyKey is null");
        requireNonNull(fields, "fields is null");
        if (keyValues.size() != key.parts().size()) {
            throw new IllegalArgumentException("row key " + key + " has " + key.parts().size() + " parts but "
                    + keyValues.size() + " key values");
        }
    }

    /** A row of which the destination's id is not known. */
    public OutgoingRow(RowKey key, List<JsonNode> keyValues, RowOperation operation, String rowHash,
            String idempotencyKey, RowFields fields) {
        this(key, keyValues, operation, rowHash, idempotencyKey, fields, null);
    }

    /** A row whose key values are text, its key's parts as they are: for keys that are text in the model. */
    public OutgoingRow(RowKey key, RowOperation operation, String rowHash, String idempotencyKey, RowFields fields) {
        this(key, textValues(key), operation, rowHash, idempotencyKey, fields);
    }

    private static List<JsonNode> textValues(RowKey key) {
        return requireNonNull(key, "key is null").parts().stream().<JsonNode>map(TextNode::valueOf).toList();
    }
}
