package dev.spoke.destination;

/** What a row asks of the destination. */
public enum RowOperation {
    /** The key is new to the destination (or, in append mode, every row). */
    INSERT,
    /** The destination has the key and the row's values changed. */
    UPDATE,
    /** The key left the model: delete it at the destination (mirror mode only). The payload holds only the key. */
    DELETE
}
