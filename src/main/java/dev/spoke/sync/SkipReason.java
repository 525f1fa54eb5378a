package dev.spoke.sync;

/** Why an export was skipped. */
public enum SkipReason {
    /** Its model did not succeed (or was not built) in dbt's last run. */
    STALE,
    /** Another run holds its lock. */
    LOCKED
}
