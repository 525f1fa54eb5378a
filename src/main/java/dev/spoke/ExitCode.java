package dev.spoke;

/**
 * The process exit codes of every spoke command. Orchestrators branch on these, so they are part of the public
 * contract: never renumber one, only add. The README lists them.
 */
public enum ExitCode {
    /** Everything selected was done; rejected rows, if any, stayed under their thresholds. */
    SUCCESS(0, "success"),
    /** The run went through, but some export failed or rejected more rows than its threshold allows. */
    PARTIAL_FAILURE(1, "some exports or rows failed; see target/spoke_run_results.json"),
    /** Bad flags, config, manifest or profile. Nothing was read from the warehouse, nothing was sent. */
    CONFIG_ERROR(2, "configuration or usage error; nothing was done"),
    /** The warehouse, the state store or the network failed before the run could finish. */
    RUNTIME_ERROR(3, "runtime error; some work may have been done and is recorded in the state store"),
    /** Another spoke run holds the lock of an export this run needed. */
    LOCKED(4, "another run holds the lock of an export; nothing was sent for it"),
    /** Every selected export was skipped because its model was stale or failed in dbt's last run. */
    STALE(5, "exports skipped because their model was not built successfully in dbt's last run"),
    /** SIGINT or SIGTERM: the batch in flight was finished and committed, then the run stopped. */
    INTERRUPTED(6, "interrupted; confirmed rows were committed, the rest will be sent by the next run"),
    /** A bug in spoke. Please report it with the stack trace printed with --debug. */
    INTERNAL_ERROR(70, "internal error");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The worse of two outcomes, so that a run with several exports reports its worst one. */
    public ExitCode worst(ExitCode other) {
        return severity() >= other.severity() ? this : other;
    }

    private int severity() {
        return switch (this) {
            case SUCCESS -> 0;
            case STALE -> 1;
            case PARTIAL_FAILURE -> 2;
            case LOCKED -> 3;
            case RUNTIME_ERROR -> 4;
            case INTERRUPTED -> 5;
            case CONFIG_ERROR -> 6;
            case INTERNAL_ERROR -> 7;
        };
    }
}
