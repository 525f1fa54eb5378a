package dev.spoke.state;

import java.util.function.Consumer;

/**
 * The difference between an export's model and what its destination confirmed, computed where the backend allows
 * (inside the warehouse by default). Reading it changes nothing.
 */
public interface ChangeSet extends AutoCloseable {

    /** Counts for {@code spoke plan}: one aggregate query, no rows read out. */
    ChangeCounts counts();

    /** The rows to send (and the invalid rows), streamed. */
    ChangeCursor changedRows(int fetchSize);

    /** Keys that left the model (mirror mode), with the hash last delivered for them, streamed to the consumer. */
    void removedKeys(int fetchSize, Consumer<KeyHash> consumer);

    /** Drops what computing the change set needed (the local backend's staged keys). */
    @Override
    default void close() {
    }
}
