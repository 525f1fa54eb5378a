package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

/**
 * A row that was not confirmed in this run although the destination never refused it: it is <b>deferred</b>, not
 * rejected. It does not enter the delivery state, is not written to sync_log as rejected, does not count against
 * {@code max_rejected_rows} / {@code max_rejected_percent}, and the next run sends it again.
 *
 * @param reason for people: why the row was not sent or not confirmed, ending in what happens next
 * @param cause what kind of reason it is, which decides the export's status
 */
public record Deferral(String reason, Cause cause) {
    public Deferral {
        requireNonNull(reason, "reason is null");
        requireNonNull(cause, "cause is null");
    }

    /** Why a row was deferred; the export's status follows from the worst cause among its rows. */
    public enum Cause {
        /**
         * The destination throttled, and the wait it asked for would have outlasted the run's time budget or the
         * longest wait a run accepts. The destination is up: the export ends {@code warn}.
         */
        THROTTLED,
        /** The run's time budget ended before the row could be sent. The export ends {@code warn}. */
        TIME_BUDGET,
        /**
         * The destination failed: errors (5xx, timeouts, connection failures) outlasted every attempt, it failed
         * fatally (401, 404, a redirect), its connection's circuit opened, or it did not report on the row. The export
         * ends {@code error}: a destination that was down or failing is never a green run.
         */
        DESTINATION_FAILED,
        /** spoke was asked to stop (SIGINT/SIGTERM) or the sending thread was interrupted. */
        STOPPED;

        /** Whether this cause makes the export fail (status {@code error}, exit 1). */
        public boolean failsExport() {
            return this == DESTINATION_FAILED;
        }
    }

    static Deferral throttled(String reason) {
        return new Deferral(reason, Cause.THROTTLED);
    }

    static Deferral timeBudget(String reason) {
        return new Deferral(reason, Cause.TIME_BUDGET);
    }

    static Deferral destinationFailed(String reason) {
        return new Deferral(reason, Cause.DESTINATION_FAILED);
    }

    static Deferral stopped(String reason) {
        return new Deferral(reason, Cause.STOPPED);
    }

    /** The same deferral, with the last error the rows met before it added to the reason. */
    Deferral withLastError(String lastError) {
        return lastError == null ? this : new Deferral(Reasons.withLastError(reason, lastError), cause);
    }
}
