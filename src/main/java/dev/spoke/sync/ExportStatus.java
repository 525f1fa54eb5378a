package dev.spoke.sync;

import java.util.Locale;

/** How one export (one model to one destination) ended, as written to spoke_run_results.json. */
public enum ExportStatus {
    /** Every row to send was confirmed (or there was nothing to send). */
    SUCCESS,
    /**
     * Sent, but some rows were rejected or invalid, below the connection's thresholds; or rows were deferred because
     * the time budget ended or the destination throttled longer than a run waits.
     */
    WARN,
    /**
     * The destination failed (down, failing past {@code max_attempts}, a fatal answer: its rows were deferred), or
     * rejected rows passed a threshold, or the model could not be read.
     */
    ERROR,
    /** Not run: stale model, or another run holds the lock. */
    SKIPPED,
    /** Stopped by SIGINT/SIGTERM after committing the batches in flight. */
    INTERRUPTED;

    /** The lower-case name written to run results, as dbt writes its statuses. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
