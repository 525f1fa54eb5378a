package dev.spoke.report.metrics;

import static java.util.Objects.requireNonNull;

import dev.spoke.ExitCode;
import dev.spoke.delivery.DeliveryListener;
import dev.spoke.delivery.RequestOutcome;
import dev.spoke.sync.ExportResult;
import dev.spoke.sync.ExportStatus;
import dev.spoke.sync.PhaseTiming;
import dev.spoke.sync.RowCounts;
import dev.spoke.sync.SyncObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records what a sync does into a {@link MeterRegistry}, tagged by export and destination (the connection's name).
 * As a {@link DeliveryListener} it counts requests by outcome and HTTP status class, retries, bisections, rate-limit
 * waits and request latency while the run goes; as a {@link SyncObserver} it takes each export's row counts and
 * phase times from its {@link ExportResult} at the end of the export, the very numbers spoke_run_results.json holds.
 *
 * <p>Meter names are Micrometer's dotted names; in Prometheus they read {@code spoke_rows_delivered_total},
 * {@code spoke_requests_total}, {@code spoke_request_duration_seconds}, ... (see docs/orchestration/metrics.md).
 * Thread-safe.
 */
public final class SyncMetrics implements DeliveryListener, SyncObserver {
    private final MeterRegistry registry;
    private final Clock clock;
    /** Gauges hold their value weakly in Micrometer: keep every value here. */
    private final Map<String, AtomicLong> gaugeValues = new ConcurrentHashMap<>();

    public SyncMetrics(MeterRegistry registry, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void requestCompleted(
            String connection, String exportId, RequestOutcome outcome, int httpStatus, Duration latency) {
        Counter.builder("spoke.requests").description("Write requests sent to destinations, by outcome and HTTP"
                        + " status class (retries and bisection halves included)")
                .tags(exportTags(exportId, connection)).tag("outcome", name(outcome))
                .tag("status_class", statusClass(outcome, httpStatus))
                .register(registry).increment();
        Timer.builder("spoke.request.duration").description("Latency of one write request (one batch, or a part of"
                        + " one after bisection)")
                .tags(exportTags(exportId, connection)).register(registry).record(latency);
    }

    @Override
    public void jobPolled(String connection, String jobId, RequestOutcome outcome, int httpStatus, Duration latency) {
        Counter.builder("spoke.job.polls").description("Status requests for asynchronous jobs, by outcome and HTTP"
                        + " status class")
                .tag("destination", connection).tag("outcome", name(outcome))
                .tag("status_class", statusClass(outcome, httpStatus))
                .register(registry).increment();
    }

    @Override
    public void retryScheduled(String connection, String exportId, int attempt, Duration delay, String reason) {
        Counter.builder("spoke.retries").description("Requests repeated after a retryable failure or refusal")
                .tags(exportTags(exportId, connection)).register(registry).increment();
    }

    @Override
    public void rateLimitWaited(String connection, String exportId, Duration waited) {
        Timer.builder("spoke.rate.limit.wait").description("Time requests waited for the connection's client-side"
                        + " rate limit")
                .tags(exportTags(exportId, connection)).register(registry).record(waited);
    }

    @Override
    public void batchBisected(String connection, String exportId, int rows, String reason) {
        Counter.builder("spoke.batch.bisections").description("Batches refused whole and split in two")
                .tags(exportTags(exportId, connection)).register(registry).increment();
    }

    @Override
    public void batchSizeLowered(String connection, String exportId, int rows, String reason) {
        Counter.builder("spoke.batch.size_lowered").description("Batch sizes lowered after a 413 (too large)")
                .tags(exportTags(exportId, connection)).register(registry).increment();
    }

    @Override
    public void connectionThrottledOut(String connection, String reason) {
        Counter.builder("spoke.destination.throttled_out")
                .description("Connections that throttled one request longer than a run waits; the rest was deferred")
                .tag("destination", connection).register(registry).increment();
    }

    @Override
    public void circuitOpened(String connection, int consecutiveFailures, String lastFailure) {
        Counter.builder("spoke.circuit.opened").description("Connections found down (circuit breaker opened)")
                .tag("destination", connection).register(registry).increment();
    }

    @Override
    public void destinationStopped(String connection, String exportId, String reason) {
        Counter.builder("spoke.destination.stopped").description("Destinations stopped by a fatal failure")
                .tags(exportTags(exportId, connection)).register(registry).increment();
    }

    /** Takes the export's row counts, phases and status from its result: the numbers run results hold. */
    @Override
    public void exportFinished(ExportResult result) {
        Tags tags = exportTags(result.exportId(), result.destination());
        RowCounts rows = result.rows();
        rows("read", "Rows read out of the warehouse (changed and invalid rows)", tags, rows.read());
        rows("added", "Rows whose key was new to the destination", tags, rows.added());
        rows("changed", "Rows whose values changed", tags, rows.changed());
        rows("removed", "Keys that left the model (mirror mode)", tags, rows.removed());
        rows("sent", "Rows handed to the destination, deletes included", tags, rows.sent());
        rows("delivered", "Rows the destination confirmed", tags, rows.delivered());
        rows("rejected", "Rows the destination refused; sent again by the next run", tags, rows.rejected());
        rows("deferred", "Rows not confirmed in this run although the destination never refused them (throttled past"
                + " the time budget, destination down or failing); sent again by the next run", tags, rows.deferred());
        rows("invalid", "Rows never sent: NULL or duplicate key, or a value that could not be mapped", tags,
                rows.invalid());
        for (PhaseTiming phase : result.timing()) {
            Timer.builder("spoke.phase.duration").description("Time per phase of an export (plan, deliver)")
                    .tags(tags).tag("phase", phase.name()).register(registry).record(phase.duration());
        }
        Timer.builder("spoke.export.duration").description("Wall time of an export")
                .tags(tags).register(registry).record(result.elapsed());
        for (ExportStatus status : ExportStatus.values()) {
            gauge("spoke.export.status", "1 for the status the export ended with, 0 for the others",
                    tags.and("status", status.jsonName()), status == result.status() ? 1 : 0);
        }
    }

    /** The run ended with {@code exitCode} after {@code elapsed}; records the run-wide gauges. */
    public void runFinished(ExitCode exitCode, Duration elapsed) {
        requireNonNull(exitCode, "exitCode is null");
        gauge("spoke.run.exit.code", "The exit code of the last run (0 success, 1 partial failure, 2 config error,"
                + " 3 runtime error, 4 locked, 5 stale, 6 interrupted, 70 internal error)", Tags.empty(),
                exitCode.code());
        AtomicLong millis = gaugeValues.computeIfAbsent("spoke.run.duration", key -> new AtomicLong());
        millis.set(elapsed.toMillis());
        TimeGauge.builder("spoke.run.duration", millis, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
                .description("Wall time of the last run").register(registry);
        AtomicLong finished = gaugeValues.computeIfAbsent("spoke.run.finished.timestamp", key -> new AtomicLong());
        finished.set(clock.millis());
        Gauge.builder("spoke.run.finished.timestamp", finished,
                        value -> value.get() / 1000.0)
                .description("When the last run ended, in seconds since the epoch").baseUnit("seconds")
                .register(registry);
    }

    private void rows(String kind, String description, Tags tags, long count) {
        Counter.builder("spoke.rows." + kind).description(description).tags(tags)
                .register(registry).increment(count);
    }

    private void gauge(String name, String description, Tags tags, long value) {
        AtomicLong holder = gaugeValues.computeIfAbsent(name + tags, key -> new AtomicLong());
        holder.set(value);
        Gauge.builder(name, holder, AtomicLong::doubleValue).description(description)
                .tags(tags).register(registry);
    }

    private static Tags exportTags(String exportId, String connection) {
        return Tags.of("export", exportId, "destination", connection);
    }

    private static String name(RequestOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** {@code 2xx} for an answered request, the failed status's class ({@code 4xx}, {@code 5xx}), or {@code none}. */
    static String statusClass(RequestOutcome outcome, int httpStatus) {
        if (httpStatus >= 100 && httpStatus < 600) {
            return httpStatus / 100 + "xx";
        }
        return outcome == RequestOutcome.SUCCEEDED ? "2xx" : "none";
    }
}
