package dev.spoke.cli;

import dev.spoke.SpokeException;
import dev.spoke.destination.OptionValidator;
import dev.spoke.state.Shard;
import dev.spoke.sync.SyncOptions;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Flags of {@code plan} and {@code sync}. */
final class RunOptions {
    @Option(names = "--full-refresh",
            description = "Forget what each selected destination has and send every row again.")
    boolean fullRefresh;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Handle only the keys whose hash falls in shard I of N (0 <= I < N), so N workers can share one export.")
    String shard;

    @Option(names = "--time-budget", paramLabel = "DURATION",
            description = "Start no request after this long (e.g. 30m); unsent rows go next run.")
    String timeBudget;

    @Option(names = "--fetch-size", paramLabel = "ROWS", description = "Rows per round trip from the warehouse (default 10000).")
    int fetchSize = SyncOptions.DEFAULT_FETCH_SIZE;

    SyncOptions toOptions(int samples) {
        return toOptions(samples, false, Optional.empty());
    }

    /**
     * @param allowStale {@code --allow-stale}
     * @param runId the run's id, already on the log's lines
     */
    SyncOptions toOptions(int samples, boolean allowStale, Optional<String> runId) {
        Shard parsedShard;
        Optional<Duration> budget;
        try {
            parsedShard = shard == null ? Shard.ALL : Shard.parse(shard);
            budget = timeBudget == null ? Optional.empty()
                    : Optional.of(OptionValidator.parseDuration(timeBudget, timeBudget));
        } catch (IllegalArgumentException e) {
            throw SpokeException.config(e.getMessage(), "see `spoke sync --help`");
        }
        if (fetchSize < 1) {
            throw SpokeException.config("--fetch-size must be at least 1, got " + fetchSize, null);
        }
        return new SyncOptions(fullRefresh, parsedShard, budget, fetchSize, samples, allowStale, runId);
    }
}
