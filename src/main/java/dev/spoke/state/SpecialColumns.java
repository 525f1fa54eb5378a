package dev.spoke.state;

/**
 * Names of the columns the change-set queries add after the model's own columns. A model column with one of these
 * names is refused at validation.
 */
public final class SpecialColumns {
    /** The row's key as text ({@link dev.spoke.destination.RowKey#text()}), NULL when a key column is NULL. */
    public static final String KEY = "__spoke_key";
    /** md5 of exactly what is sent. */
    public static final String HASH = "__spoke_hash";
    /** How many rows of the model share this key; above 1 the row is invalid. */
    public static final String DUPLICATES = "__spoke_dupes";
    /** {@code I} (new key), {@code U} (changed), for the engine's RowOperation. */
    public static final String OPERATION = "__spoke_op";
    /** The destination's id of the row, as the snapshot recorded it (NULL for a new key, or when it gave none). */
    public static final String VENDOR_ID = "__spoke_vendor_id";


    private SpecialColumns() {
    }

    public static boolean isSpecial(String column) {
        return column.equalsIgnoreCase(KEY) || column.equalsIgnoreCase(HASH) || column.equalsIgnoreCase(DUPLICATES)
                || column.equalsIgnoreCase(OPERATION) || column.equalsIgnoreCase(VENDOR_ID);
    }
}
