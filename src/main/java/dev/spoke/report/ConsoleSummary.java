package dev.spoke.report;

import dev.spoke.sync.ExportResult;
import dev.spoke.sync.ExportStatus;
import dev.spoke.sync.RowError;
import dev.spoke.sync.SyncReport;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary a person reads at a glance after {@code spoke sync}: one line per export and destination with its
 * status and row counts, the first reasons for rows that were not delivered, and a closing count.
 */
public final class ConsoleSummary {
    /** Row errors shown per export on the console; run results and sync_log have the rest. */
    static final int ERRORS_SHOWN = 5;

    private ConsoleSummary() {
    }

    public static String render(SyncReport report, Path runResults) {
        StringBuilder out = new StringBuilder();
        List<ExportResult> results = report.results();
        if (results.isEmpty()) {
            return "Nothing to sync: no export matched the selection.\n";
        }
        int width = Math.max(6, results.stream().mapToInt(r -> label(r).length()).max().orElse(6));
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %-11s %9s %9s %9s %9s %9s %9s %8s%n",
                "EXPORT", "STATUS", "READ", "SENT", "DELIVERED", "REJECTED", "DEFERRED", "INVALID", "TIME"));
        Map<ExportStatus, Integer> byStatus = new EnumMap<>(ExportStatus.class);
        for (ExportResult result : results) {
            byStatus.merge(result.status(), 1, Integer::sum);
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %-11s %9d %9d %9d %9d %9d %9d %7.1fs%n",
                    label(result), result.status().jsonName(), result.rows().read(), result.rows().sent(),
                    result.rows().delivered(), result.rows().rejected(), result.rows().deferred(),
                    result.rows().invalid(), result.elapsed().toMillis() / 1000.0));
        }
        for (ExportResult result : results) {
            if (result.status() != ExportStatus.SUCCESS) {
                out.append('\n').append(label(result)).append(": ").append(result.message()).append('\n');
            }
            List<RowError> shown = result.errors().stream().limit(ERRORS_SHOWN).toList();
            for (RowError error : shown) {
                out.append("  ").append(error.kind()).append(" key ")
                        .append(error.key() == null ? "NULL" : error.key())
                        .append(" (").append(error.operation()).append("): ").append(error.reason()).append('\n');
            }
            long more = result.rows().rejected() + result.rows().invalid() - shown.size();
            if (!shown.isEmpty() && more > 0) {
                out.append("  ... and ").append(more).append(" more in ").append(runResults.getFileName())
                        .append(" and the sync_log table\n");
            }
        }
        out.append(String.format(Locale.ROOT, "%nDone in %.1fs: %d succeeded, %d with warnings, %d failed, %d skipped%s. Run results: %s%n",
                report.elapsed().toMillis() / 1000.0,
                byStatus.getOrDefault(ExportStatus.SUCCESS, 0),
                byStatus.getOrDefault(ExportStatus.WARN, 0),
                byStatus.getOrDefault(ExportStatus.ERROR, 0),
                byStatus.getOrDefault(ExportStatus.SKIPPED, 0),
                byStatus.containsKey(ExportStatus.INTERRUPTED) ? ", " + byStatus.get(ExportStatus.INTERRUPTED) + " interrupted" : "",
                runResults));
        return out.toString();
    }

    private static String label(ExportResult result) {
        return result.modelName() + " -> " + result.destination();
    }
}
