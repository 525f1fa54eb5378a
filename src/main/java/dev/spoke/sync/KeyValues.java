package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.SpokeException;
import dev.spoke.destination.RowKey;
import dev.spoke.warehouse.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The typed values of a row's key ({@link dev.spoke.destination.OutgoingRow#keyValues()}), in key-column order, the
 * same for an upsert and for a delete of the row: a key column that is sent gives its own value; one that is not, and
 * every part of a key the state store kept (a delete), is its key text read back with the column's {@link KeyType},
 * which gives exactly the JSON the value streams as.
 */
final class KeyValues {
    private final List<String> keyColumns;
    private final List<KeyType> types;
    /** Per key column, its index among the sent columns, or -1 when it is not sent. */
    private final int[] sentIndex;

    /**
     * @param sentColumns the sent columns, as the warehouse names them, in the change set's order
     * @param keyColumns the key columns, as the warehouse names them
     * @param types the key columns' types, in key order
     */
    KeyValues(List<String> sentColumns, List<String> keyColumns, List<KeyType> types) {
        this.keyColumns = List.copyOf(keyColumns);
        this.types = List.copyOf(types);
        if (this.types.size() != this.keyColumns.size()) {
            throw new IllegalArgumentException("key columns " + keyColumns + " with " + types.size() + " types");
        }
        this.sentIndex = new int[keyColumns.size()];
        for (int i = 0; i < sentIndex.length; i++) {
            sentIndex[i] = requireNonNull(sentColumns, "sentColumns is null").indexOf(keyColumns.get(i));
        }
    }

    /** The key values of a row read from the model, whose sent columns' values {@code valueOfColumn} gives. */
    List<JsonNode> ofRow(RowKey key, IntFunction<JsonNode> valueOfColumn) {
        checkParts(key);
        List<JsonNode> values = new ArrayList<>(sentIndex.length);
        for (int i = 0; i < sentIndex.length; i++) {
            values.add(sentIndex[i] >= 0 ? valueOfColumn.apply(sentIndex[i]) : read(key, i));
        }
        return values;
    }

    /**
     * The key values of a key the state store kept, for a delete.
     *
     * @throws SpokeException when a part is not a value of its key column's type (a snapshot not written by spoke)
     */
    List<JsonNode> ofStoredKey(RowKey key) {
        checkParts(key);
        List<JsonNode> values = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            values.add(read(key, i));
        }
        return values;
    }

    private JsonNode read(RowKey key, int part) {
        try {
            return types.get(part).read(key.parts().get(part));
        } catch (IllegalArgumentException e) {
            throw SpokeException.runtime("row key " + key + ": key column " + keyColumns.get(part) + ": "
                    + e.getMessage(), "the state store holds a key that the model's key column cannot hold; run"
                    + " `spoke state reset` for this export to forget what its destination has", e);
        }
    }

    private void checkParts(RowKey key) {
        if (key.parts().size() != types.size()) {
            throw SpokeException.runtime("row key " + key + " has " + key.parts().size() + " parts but the key has "
                    + types.size() + " columns (" + String.join(", ", keyColumns) + ")",
                    "run `spoke state reset` for this export to forget what its destination has", null);
        }
    }
}
