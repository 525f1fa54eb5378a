package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * One phase of an export's run, as dbt's run_results {@code timing} entries.
 *
 * @param name {@code plan}, {@code deliver}, ...
 * @param startedAt when it started
 * @param completedAt when it ended
 */
public record PhaseTiming(String name, Instant startedAt, Instant completedAt) {
    public PhaseTiming {
        requireNonNull(name, "name is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(completedAt, "completedAt is null");
    }

    public Duration duration() {
        return Duration.between(startedAt, completedAt);
    }
}
