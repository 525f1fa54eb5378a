package dev.spoke.state;

/**
 * How an export's model compares with what its destination has.
 *
 * @param total rows in the model (in this shard)
 * @param added valid rows whose key the destination does not have
 * @param changed valid rows whose key it has, with a different hash
 * @param unchanged valid rows it has with the same hash
 * @param removed keys it has that left the model
 * @param nullKeys rows with a NULL in a key column (invalid)
 * @param duplicateKeys rows whose key is shared by another row (invalid)
 * @param pending rows inside an asynchronous job that has not ended
 */
public record ChangeCounts(
        long total, long added, long changed, long unchanged, long removed, long nullKeys, long duplicateKeys,
        long pending) {

    public long invalid() {
        return nullKeys + duplicateKeys;
    }
}
