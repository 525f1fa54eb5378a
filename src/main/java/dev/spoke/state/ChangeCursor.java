package dev.spoke.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.destination.RowOperation;

/**
 * Streams the rows of a change set: the rows to send and the invalid rows (NULL or duplicate key), never the whole
 * set in memory. Values are those of {@link ChangeSetSpec#columns()}, by index.
 */
public interface ChangeCursor extends AutoCloseable {

    /** Moves to the next row; false at the end. */
    boolean next();

    /** The key text, or {@code null} when a key column is NULL. */
    String key();

    /** The hash of the sent columns. */
    String hash();

    /** How many rows of the model share this key; above 1 the row is invalid. */
    long duplicates();

    /** INSERT for a key new to the destination, UPDATE for a changed one. */
    RowOperation operation();

    /** The destination's id of the row, as the snapshot recorded it; null for a new key or when it gave none. */
    String vendorId();

    /** The value of the {@code index}-th sent column, as exact JSON. */
    JsonNode value(int index);

    @Override
    void close();
}
