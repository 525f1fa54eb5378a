package dev.spoke.report;

import static java.util.Objects.requireNonNull;

import dev.spoke.delivery.DeliveryListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs what the delivery layer does that an operator should see: retries (with the reason and the wait), throttling,
 * batches split to find a bad row or cut after a 413, a connection found down or throttled out for the run, a
 * destination stopped by a fatal answer. Each event carries the
 * export and destination it is about.
 */
public final class LoggingDeliveryListener implements DeliveryListener {
    private final RunLog log;

    public LoggingDeliveryListener(RunLog log) {
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public void retryScheduled(String connection, String exportId, int attempt, Duration delay, String reason) {
        Map<String, Object> fields = context(connection, exportId);
        fields.put("attempt", attempt);
        fields.put("delay_ms", delay.toMillis());
        log.info("request.retry", "attempt " + attempt + " failed (" + reason + "); retrying in "
                + delay.toMillis() + " ms", fields);
    }

    @Override
    public void throttled(String connection, String exportId, Duration wait, String answer) {
        Map<String, Object> fields = context(connection, exportId);
        fields.put("delay_ms", wait.toMillis());
        log.info("request.throttled", "destination throttled the request (" + answer + "); sending it again in "
                + wait.toMillis() + " ms, no attempt spent", fields);
    }

    @Override
    public void batchSizeLowered(String connection, String exportId, int rows, String reason) {
        Map<String, Object> fields = context(connection, exportId);
        fields.put("rows", rows);
        log.warn("batch.size_lowered", "the destination refused a batch as too large (" + reason + "); batches to it"
                + " carry at most " + rows + " rows for the rest of the run", fields);
    }

    @Override
    public void connectionThrottledOut(String connection, String reason) {
        log.warn("destination.throttled_out", reason, context(connection, null));
    }

    @Override
    public void batchBisected(String connection, String exportId, int rows, String reason) {
        Map<String, Object> fields = context(connection, exportId);
        fields.put("rows", rows);
        log.info("batch.bisected", "a batch of " + rows + " rows was refused whole (" + reason
                + "); sending it in halves to find the rows at fault", fields);
    }

    @Override
    public void circuitOpened(String connection, int consecutiveFailures, String lastFailure) {
        Map<String, Object> fields = context(connection, null);
        fields.put("consecutive_failures", consecutiveFailures);
        log.error("destination.down", "destination " + connection + " looks down after " + consecutiveFailures
                + " consecutive failures (last: " + lastFailure + "); nothing more is sent to it in this run", fields);
    }

    @Override
    public void destinationStopped(String connection, String exportId, String reason) {
        log.error("destination.stopped", "destination " + connection + " answered a fatal failure (" + reason
                + "); nothing more is sent to it for this export in this run", context(connection, exportId));
    }

    private static Map<String, Object> context(String connection, String exportId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("export", exportId == null || exportId.isEmpty() ? null : exportId);
        fields.put("destination", connection);
        return fields;
    }
}
