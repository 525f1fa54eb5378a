package dev.spoke.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * One measured run of one scenario.
 *
 * @param adapter the warehouse
 * @param tableRows rows in the model's table when the run started
 * @param run what was run, e.g. {@code full sync -> webhook}
 * @param kind how the run compares with the others of its table
 * @param rowsSent rows handed to the destination (or exported, for the baseline)
 * @param wall the wall time of the whole process (or of the export call, for the baseline)
 * @param memory peak RSS and heap of the spoke process; empty for the baseline
 */
record Measurement(String adapter, long tableRows, String run, Kind kind, long rowsSent, Duration wall,
        Optional<ProcessMemory> memory) {

    /** The role of a run in the targets. */
    enum Kind { BASELINE, FULL_SYNC, OTHER_FULL_SYNC, NO_CHANGE, CHANGED, DELETED }

    Measurement {
        requireNonNull(adapter, "adapter is null");
        requireNonNull(run, "run is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(wall, "wall is null");
        requireNonNull(memory, "memory is null");
    }

    double seconds() {
        return wall.toNanos() / 1e9;
    }

    /** Rows of the table covered per second: sent rows for a full sync, rows diffed for a rerun. */
    double tableRowsPerSecond() {
        return tableRows / seconds();
    }
}
