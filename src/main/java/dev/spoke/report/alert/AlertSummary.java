package dev.spoke.report.alert;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.config.AlertRule;
import dev.spoke.sync.ExportResult;
import dev.spoke.sync.ExportStatus;
import dev.spoke.sync.RowCounts;
import dev.spoke.sync.RowError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an alert says: why it fired, the run's counts over the exports the rule watches, each export's line, and the
 * first reasons rows or exports failed. The same summary becomes a Slack message ({@link SlackAlert}) or a webhook
 * event ({@link #toJson()}).
 *
 * @param project the dbt project's name
 * @param trigger the rule's trigger
 * @param reason why the rule fired, one line
 * @param outcome the run
 * @param watched the exports the rule watches
 */
record AlertSummary(String project, AlertRule.Trigger trigger, String reason, RunOutcome outcome,
        List<ExportResult> watched) {
    /** Reasons listed at most; run results and sync_log have the rest. */
    static final int MAX_REASONS = 5;
    /** Export lines listed at most. */
    static final int MAX_EXPORTS = 20;

    AlertSummary {
        requireNonNull(project, "project is null");
        requireNonNull(trigger, "trigger is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(outcome, "outcome is null");
        watched = List.copyOf(watched);
    }

    String title() {
        return switch (trigger) {
            case FAILURE -> "spoke sync failed in " + project;
            case REJECTED_ROWS -> "spoke sync rejected rows in " + project;
            case STALE -> "spoke sync skipped stale models in " + project;
        };
    }

    RowCounts totals() {
        RowCounts sum = RowCounts.ZERO;
        for (ExportResult result : watched) {
            sum = sum.plus(result.rows());
        }
        return sum;
    }

    Map<ExportStatus, Integer> byStatus() {
        Map<ExportStatus, Integer> counts = new EnumMap<>(ExportStatus.class);
        watched.forEach(result -> counts.merge(result.status(), 1, Integer::sum));
        return counts;
    }

    /** {@code rows: 10 read, 8 sent, 5 delivered, 3 rejected, 1 deferred, 2 invalid}. */
    String countsLine() {
        RowCounts rows = totals();
        Map<ExportStatus, Integer> statuses = byStatus();
        StringBuilder line = new StringBuilder("exports: ").append(watched.size());
        for (ExportStatus status : ExportStatus.values()) {
            if (statuses.containsKey(status)) {
                line.append(", ").append(statuses.get(status)).append(' ').append(status.jsonName());
            }
        }
        return line.append("; rows: ").append(rows.read()).append(" read, ").append(rows.sent()).append(" sent, ")
                .append(rows.delivered()).append(" delivered, ").append(rows.rejected()).append(" rejected, ")
                .append(rows.deferred()).append(" deferred, ").append(rows.invalid()).append(" invalid").toString();
    }

    /** One line per export: {@code orders -> crm: warn, 5 delivered, 3 rejected, 1 deferred, 2 invalid}. */
    List<String> exportLines() {
        return watched.stream().limit(MAX_EXPORTS).map(result -> result.modelName() + " -> " + result.destination()
                + ": " + result.status().jsonName() + ", " + result.rows().delivered() + " delivered, "
                + result.rows().rejected() + " rejected, " + result.rows().deferred() + " deferred, "
                + result.rows().invalid() + " invalid").toList();
    }

    /** The first reasons: the run's failure, failed exports' messages, then rows' errors. */
    List<String> firstReasons() {
        List<String> reasons = new ArrayList<>();
        if (outcome.failure() != null) {
            reasons.add(outcome.failure());
        }
        for (ExportResult result : watched) {
            if (result.status() == ExportStatus.ERROR || result.status() == ExportStatus.SKIPPED) {
                reasons.add(result.modelName() + " -> " + result.destination() + ": " + result.message());
            }
        }
        for (ExportResult result : watched) {
            for (RowError error : result.errors()) {
                reasons.add(result.modelName() + " -> " + result.destination() + ": " + error.kind() + " key "
                        + (error.key() == null ? "NULL" : error.key()) + " (" + error.operation() + "): "
                        + error.reason());
            }
        }
        return reasons.stream().limit(MAX_REASONS).toList();
    }

    /** Plain text, for a fallback and for logs. */
    String text() {
        StringBuilder text = new StringBuilder(title()).append(": ").append(reason).append('\n')
                .append(countsLine()).append('\n');
        exportLines().forEach(line -> text.append("- ").append(line).append('\n'));
        List<String> reasons = firstReasons();
        if (!reasons.isEmpty()) {
            text.append("first reasons:\n");
            reasons.forEach(line -> text.append("- ").append(line).append('\n'));
        }
        return text.append("run ").append(outcome.runId()).append(", exit code ").append(outcome.exitCode().code())
                .toString();
    }

    /** The fields of a webhook alert event. */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("alert", trigger.configName());
        node.put("title", title());
        node.put("reason", reason);
        node.put("project", project);
        node.put("run_id", outcome.runId());
        node.put("exit_code", outcome.exitCode().code());
        ObjectNode exports = node.putObject("exports");
        exports.put("total", watched.size());
        byStatus().forEach((status, count) -> exports.put(status.jsonName(), count));
        RowCounts rows = totals();
        ObjectNode rowNode = node.putObject("rows");
        rowNode.put("read", rows.read());
        rowNode.put("sent", rows.sent());
        rowNode.put("delivered", rows.delivered());
        rowNode.put("rejected", rows.rejected());
        rowNode.put("deferred", rows.deferred());
        rowNode.put("invalid", rows.invalid());
        ArrayNode results = node.putArray("results");
        watched.stream().limit(MAX_EXPORTS).forEach(result -> {
            ObjectNode entry = results.addObject();
            entry.put("export_id", result.exportId());
            entry.put("model", result.modelName());
            entry.put("destination", result.destination());
            entry.put("status", result.status().jsonName());
            entry.put("message", result.message());
            entry.put("delivered", result.rows().delivered());
            entry.put("rejected", result.rows().rejected());
            entry.put("deferred", result.rows().deferred());
            entry.put("invalid", result.rows().invalid());
        });
        ArrayNode reasons = node.putArray("first_reasons");
        firstReasons().forEach(reasons::add);
        return node;
    }
}
