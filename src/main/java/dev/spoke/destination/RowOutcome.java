package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

/** What the destination answered for one row. */
public sealed interface RowOutcome permits RowOutcome.Delivered, RowOutcome.Rejected {

    static RowOutcome delivered() {
        return Delivered.INSTANCE;
    }

    /**
     * Confirmed, with the destination's own id of the record (a HubSpot or Salesforce record id, a Mailchimp
     * subscriber hash, a Zendesk user id). The state store keeps it with the row, and hands it back as
     * {@link OutgoingRow#vendorId()} when the row is next updated or deleted.
     */
    static RowOutcome delivered(String vendorId) {
        return vendorId == null ? Delivered.INSTANCE : new Delivered(vendorId);
    }

    /** A refusal that sending the same row again will not fix (a malformed email, a missing required field). */
    static RowOutcome rejected(String reason) {
        return new Rejected(reason, false);
    }

    /** A refusal that may pass on a later attempt (a lock, a conflict, a transient per-row error). */
    static RowOutcome retryable(String reason) {
        return new Rejected(reason, true);
    }

    /**
     * The destination confirmed the row: it enters the delivery state.
     *
     * @param vendorId the destination's id of the record, or {@code null} when it gives none (an id recorded by an
     *     earlier run is then kept)
     */
    record Delivered(String vendorId) implements RowOutcome {
        static final Delivered INSTANCE = new Delivered(null);
    }

    /**
     * The destination refused the row. It does not enter the delivery state, so the next run sends it again; its
     * reason goes to the run results and the sync log.
     *
     * @param reason the destination's own words, with its error code where it has one
     * @param retryable whether trying again within this run may succeed
     */
    record Rejected(String reason, boolean retryable) implements RowOutcome {
        public Rejected {
            requireNonNull(reason, "reason is null");
        }
    }
}
