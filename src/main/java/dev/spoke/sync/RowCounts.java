package dev.spoke.sync;

/**
 * The row counts of one export, as written to run results and metrics (which must agree exactly).
 *
 * @param read rows read out of the warehouse (changed and invalid rows; every row in append mode)
 * @param added rows whose key was new to the destination
 * @param changed rows whose values changed
 * @param removed keys that left the model (mirror)
 * @param sent rows handed to the destination, deletes included
 * @param delivered rows the destination confirmed
 * @param rejected rows the destination refused; retried by the next run
 * @param deferred rows handed over but not confirmed in this run, although the destination never refused them
 *     (throttled past the time budget, destination down or failing, spoke stopped): sent again by the next run, and
 *     never counted against {@code max_rejected_rows} or {@code max_rejected_percent}
 * @param invalid rows never sent: NULL or duplicate key, or a value spoke could not map
 */
public record RowCounts(long read, long added, long changed, long removed, long sent, long delivered, long rejected,
        long deferred, long invalid) {
    public static final RowCounts ZERO = new RowCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of both, count by count. */
    public RowCounts plus(RowCounts other) {
        return new RowCounts(read + other.read, added + other.added, changed + other.changed, removed + other.removed,
                sent + other.sent, delivered + other.delivered, rejected + other.rejected, deferred + other.deferred,
                invalid + other.invalid);
    }
}
