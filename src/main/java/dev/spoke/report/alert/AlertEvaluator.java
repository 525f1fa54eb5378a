package dev.spoke.report.alert;

import dev.spoke.ExitCode;
import dev.spoke.config.AlertRule;
import dev.spoke.sync.ExportResult;
import dev.spoke.sync.ExportStatus;
import dev.spoke.sync.SkipReason;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a rule fires for a run, and says why in one line.
 * <ul>
 *   <li>{@code failure}: a watched export ended in error or was locked out, or the run stopped on an error
 *       (config, runtime, internal); an interrupted run is not a failure.</li>
 *   <li>{@code rejected_rows}: rows rejected or invalid over the watched exports exceed the threshold.</li>
 *   <li>{@code stale}: every watched export was skipped because dbt did not just build its model.</li>
 * </ul>
 */
final class AlertEvaluator {
    private AlertEvaluator() {
    }

    /** Why {@code rule} fires for {@code outcome}, or empty when it does not. */
    static Optional<String> fires(AlertRule rule, RunOutcome outcome) {
        List<ExportResult> watched = watched(rule, outcome);
        return switch (rule.on()) {
            case FAILURE -> failure(outcome, watched);
            case REJECTED_ROWS -> rejected(rule, watched);
            case STALE -> stale(watched);
        };
    }

    static List<ExportResult> watched(AlertRule rule, RunOutcome outcome) {
        return outcome.results().stream().filter(result -> rule.watches(result.destination())).toList();
    }

    private static Optional<String> failure(RunOutcome outcome, List<ExportResult> watched) {
        if (outcome.failure() != null) {
            return Optional.of("the run failed (exit code " + outcome.exitCode().code() + "): " + outcome.failure());
        }
        long failed = watched.stream().filter(result -> result.status() == ExportStatus.ERROR
                || result.skipReason() == SkipReason.LOCKED).count();
        if (failed == 0) {
            return Optional.empty();
        }
        return Optional.of(failed + " of " + watched.size() + " export(s) failed (exit code "
                + outcome.exitCode().code() + ")");
    }

    private static Optional<String> rejected(AlertRule rule, List<ExportResult> watched) {
        long refused = watched.stream().mapToLong(result -> result.rows().rejected() + result.rows().invalid()).sum();
        if (refused <= rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(refused + " row(s) rejected or invalid, more than the alert's threshold ("
                + rule.threshold() + ")");
    }

    private static Optional<String> stale(List<ExportResult> watched) {
        boolean allStale = !watched.isEmpty()
                && watched.stream().allMatch(result -> result.skipReason() == SkipReason.STALE);
        return allStale ? Optional.of("every export (" + watched.size() + ") was skipped as stale (exit code "
                + ExitCode.STALE.code() + ")") : Optional.empty();
    }
}
