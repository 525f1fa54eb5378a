package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.config.Export;
import dev.spoke.dbt.RunResults;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to send a model that dbt did not just build: with dbt's run_results.json at hand, an export whose model
 * did not succeed in that dbt invocation, or was not built in it, is skipped as {@link SkipReason#STALE}, since its
 * table holds an older (or half-written) state of the data. {@code --allow-stale} turns the gate off.
 *
 * <p>Run results from another dbt invocation than the manifest's cannot tell whether the tables the manifest points
 * to are fresh; a sync refuses them as a config error (nothing is sent), unless {@code --allow-stale}.
 */
final class FreshnessGate {
    private static final String HOW_TO_SEND = "pass --allow-stale to send what the table holds anyway";

    private final Optional<RunResultsFile> runResults;

    private FreshnessGate(Optional<RunResultsFile> runResults) {
        this.runResults = runResults;
    }

    /**
     * @throws SpokeException (CONFIG_ERROR) when the run results and the manifest come from different invocations and
     *     {@code allowStale} is off
     */
    static FreshnessGate of(LoadedProject project, boolean allowStale) {
        if (allowStale) {
            return new FreshnessGate(Optional.empty());
        }
        Optional<RunResultsFile> file = project.runResults();
        file.flatMap(RunResultsFile::invocationMismatch).ifPresent(mismatch -> {
            throw SpokeException.config(mismatch + ": spoke cannot tell whether the models were built by the dbt"
                            + " command that wrote the manifest",
                    "Run spoke right after the `dbt run` or `dbt build` that wrote both files, point --run-results"
                            + " at the run_results.json of the manifest's invocation, or " + HOW_TO_SEND);
        });
        return new FreshnessGate(file);
    }

    /** Why {@code export} must not be sent, when its model was not built successfully by dbt's last command. */
    Optional<String> staleReason(Export export) {
        if (runResults.isEmpty()) {
            return Optional.empty();
        }
        RunResultsFile file = runResults.get();
        String model = "model " + export.model().displayName();
        String invocation = "dbt invocation " + file.invocationId();
        Optional<RunResults.NodeResult> result = file.results().result(export.model().uniqueId());
        if (result.isEmpty()) {
            return Optional.of("stale: " + model + " was not built by " + invocation + " (" + file.path().getFileName()
                    + " has no result for " + export.model().uniqueId() + "); not sent: build it with dbt first, or "
                    + HOW_TO_SEND);
        }
        RunResults.NodeResult node = result.get();
        if (node.succeeded()) {
            return Optional.empty();
        }
        String message = node.message() == null || node.message().isBlank() ? "" : ": " + oneLine(node.message());
        return Optional.of("stale: " + model + " did not succeed in " + invocation + " (status " + node.status()
                + message + "); not sent: fix the model and rebuild it, or " + HOW_TO_SEND);
    }

    /** The result of an export skipped as stale: nothing read, nothing sent. */
    static ExportResult skipped(Export export, String reason) {
        requireNonNull(reason, "reason is null");
        return new ExportResult(export.id(), export.model().uniqueId(), export.model().displayName(),
                export.connection().name(), export.connection().type(), export.mode().configName(),
                ExportStatus.SKIPPED, SkipReason.STALE, reason, RowCounts.ZERO, List.of(), List.of(), Duration.ZERO);
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
