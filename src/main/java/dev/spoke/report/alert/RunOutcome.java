package dev.spoke.report.alert;

import static java.util.Objects.requireNonNull;

import dev.spoke.ExitCode;
import dev.spoke.sync.ExportResult;
import dev.spoke.sync.SyncReport;
import java.util.List;

/**
 * How a sync ended, as alerts see it: with a report, or stopped by an error before it could write one.
 *
 * @param runId the run's id
 * @param exitCode the process exit code
 * @param results one per export that ran (none when the run stopped on an error)
 * @param failure the error that stopped the run, or {@code null} when it went through
 */
public record RunOutcome(String runId, ExitCode exitCode, List<ExportResult> results, String failure) {
    public RunOutcome {
        requireNonNull(runId, "runId is null");
        requireNonNull(exitCode, "exitCode is null");
        results = List.copyOf(results);
    }

    public static RunOutcome of(SyncReport report) {
        return new RunOutcome(report.runId(), report.exitCode(), report.results(), null);
    }

    public static RunOutcome failed(String runId, ExitCode exitCode, String failure) {
        return new RunOutcome(runId, exitCode, List.of(), requireNonNull(failure, "failure is null"));
    }
}
