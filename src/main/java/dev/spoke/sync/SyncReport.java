package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.ExitCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@code spoke sync} did, export by export, and the exit code it maps to.
 *
 * @param runId this run's id (the invocation id in run results, the run_id in sync_log)
 * @param dbtInvocationId the manifest's dbt invocation id
 * @param startedAt when the run started
 * @param elapsed wall time
 * @param results one per export and destination, in selection order
 * @param args the flags that shaped the run, for run results
 * @param exitCode the process exit code
 */
public record SyncReport(
        String runId,
        String dbtInvocationId,
        Instant startedAt,
        Duration elapsed,
        List<ExportResult> results,
        Map<String, Object> args,
        ExitCode exitCode) {

    public SyncReport {
        requireNonNull(runId, "runId is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(elapsed, "elapsed is null");
        results = List.copyOf(results);
        args = Map.copyOf(args);
        requireNonNull(exitCode, "exitCode is null");
    }

    /** The exit code the results call for: the worst of the exports'. */
    public static ExitCode exitCodeOf(List<ExportResult> results) {
        ExitCode code = ExitCode.SUCCESS;
        boolean allSkippedStale = !results.isEmpty();
        for (ExportResult result : results) {
            code = code.worst(switch (result.status()) {
                case SUCCESS, WARN -> ExitCode.SUCCESS;
                case ERROR -> ExitCode.PARTIAL_FAILURE;
                case SKIPPED -> result.skipReason() == SkipReason.LOCKED ? ExitCode.LOCKED : ExitCode.SUCCESS;
                case INTERRUPTED -> ExitCode.INTERRUPTED;
            });
            if (result.skipReason() != SkipReason.STALE) {
                allSkippedStale = false;
            }
        }
        return allSkippedStale ? code.worst(ExitCode.STALE) : code;
    }
}
