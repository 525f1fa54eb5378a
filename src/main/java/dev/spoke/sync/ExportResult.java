package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How one export ended: what spoke_run_results.json, the console summary and the metrics report for it.
 *
 * @param exportId the export id
 * @param modelUniqueId the dbt model
 * @param modelName the model's display name
 * @param destination the connection name
 * @param destinationType the connection's type
 * @param mode the sync mode's config name
 * @param status how it ended
 * @param skipReason why it was skipped, or {@code null} when it was not
 * @param message one line for people: what happened, or why it failed or was skipped
 * @param rows row counts
 * @param errors the first rejected and invalid rows, with reasons (all of them are in sync_log)
 * @param timing phases
 * @param elapsed wall time of the export
 */
public record ExportResult(
        String exportId,
        String modelUniqueId,
        String modelName,
        String destination,
        String destinationType,
        String mode,
        ExportStatus status,
        SkipReason skipReason,
        String message,
        RowCounts rows,
        List<RowError> errors,
        List<PhaseTiming> timing,
        Duration elapsed) {

    /** At most this many row errors are kept per export in run results; sync_log has them all. */
    public static final int MAX_ERRORS = 100;

    public ExportResult {
        requireNonNull(exportId, "exportId is null");
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        requireNonNull(rows, "rows is null");
        errors = List.copyOf(errors);
        timing = List.copyOf(timing);
        requireNonNull(elapsed, "elapsed is null");
    }
}
