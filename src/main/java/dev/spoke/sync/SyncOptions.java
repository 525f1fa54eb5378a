package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.state.Shard;
import java.time.Duration;
import java.util.Optional;

/**
 * How a sync or plan runs.
 *
 * @param fullRefresh forget every selected export's snapshot first and resend everything ({@code --full-refresh})
 * @param shard the slice of keys to handle ({@code --shard i/n})
 * @param timeBudget stop starting requests after this long ({@code --time-budget}); rows left go next run
 * @param fetchSize rows per round trip when streaming from the warehouse
 * @param samples how many sample payloads {@code spoke plan} shows per export
 * @param allowStale send exports whose model dbt did not just build successfully ({@code --allow-stale})
 * @param runId the run's id, so that what is logged before the sync starts carries it too; empty for a new one
 */
public record SyncOptions(
        boolean fullRefresh, Shard shard, Optional<Duration> timeBudget, int fetchSize, int samples,
        boolean allowStale, Optional<String> runId) {
    public static final int DEFAULT_FETCH_SIZE = 10_000;
    public static final SyncOptions DEFAULTS = new SyncOptions(false, Shard.ALL, Optional.empty(), DEFAULT_FETCH_SIZE, 3);

    public SyncOptions {
        requireNonNull(shard, "shard is null");
        requireNonNull(timeBudget, "timeBudget is null");
        requireNonNull(runId, "runId is null");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1");
        }
    }

    /** Options with freshness gating on and a new run id. */
    public SyncOptions(boolean fullRefresh, Shard shard, Optional<Duration> timeBudget, int fetchSize, int samples) {
        this(fullRefresh, shard, timeBudget, fetchSize, samples, false, Optional.empty());
    }
}
