package dev.spoke.report;

import static java.util.Objects.requireNonNull;

import dev.spoke.ExitCode;
import dev.spoke.delivery.DeliveryListener;
import dev.spoke.delivery.Sleeper;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.report.alert.AlertDispatcher;
import dev.spoke.report.alert.RunOutcome;
import dev.spoke.report.metrics.MetricsFile;
import dev.spoke.report.metrics.Pushgateway;
import dev.spoke.report.metrics.SyncMetrics;
import dev.spoke.report.progress.ProgressDisplay;
import dev.spoke.SpokeException;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.SyncObserver;
import dev.spoke.sync.SyncReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@code spoke sync} reports besides its run results and console summary, wired once for the CLI: the
 * log (with a progress line on a terminal), the metrics (heard from the delivery layer and each export's result),
 * then, when the run ends, the Prometheus text file, the Pushgateway push and the alerts. Failures of these outputs
 * are logged and never change the run's exit code: the rows were delivered or not whatever the monitoring did.
 */
public final class SyncOutputs implements AutoCloseable {
    private final RunLog log;
    private final Clock clock;
    private final DestinationRegistry registry;
    private final Optional<Path> metricsFile;
    private final Optional<String> pushUrl;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SyncMetrics metrics;
    private final ProgressDisplay progress;
    private final MessageDelivery delivery;

    /**
     * @param log the run's log (its lines carry the run id)
     * @param err where the progress line is drawn
     * @param showProgress whether to draw a progress line (stderr is a terminal, or {@code --progress})
     * @param metricsFile {@code --metrics-file}, or empty for {@code <target>/spoke_metrics.prom}
     * @param pushUrl {@code --metrics-push-url}, or empty for no push
     * @throws SpokeException (CONFIG_ERROR) when {@code pushUrl} is not an http(s) URL
     */
    public SyncOutputs(RunLog log, PrintStream err, Clock clock, DestinationRegistry registry, boolean showProgress,
            Optional<Path> metricsFile, Optional<String> pushUrl) {
        requireNonNull(log, "log is null");
        requireNonNull(err, "err is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.metricsFile = requireNonNull(metricsFile, "metricsFile is null");
        this.pushUrl = requireNonNull(pushUrl, "pushUrl is null");
        pushUrl.ifPresent(url -> Pushgateway.at(url, Map.of()));
        this.metrics = new SyncMetrics(meters, clock);
        this.progress = showProgress ? new ProgressDisplay(err, clock) : null;
        this.log = progress == null ? log : progress.wrap(log);
        this.delivery = new MessageDelivery(clock, Sleeper.system(), MessageDelivery.DEFAULT_BUDGET);
    }

    /** The log to run with: the given one, erasing and redrawing the progress line around each line. */
    public RunLog log() {
        return log;
    }

    public MeterRegistry meters() {
        return meters;
    }

    /** Metrics and log lines for what the delivery layer does. */
    public DeliveryListener deliveryListener() {
        return DeliveryListeners.of(metrics, new LoggingDeliveryListener(log));
    }

    /** Metrics from each export's result, and the progress line. */
    public SyncObserver observer() {
        return progress == null ? metrics : SyncObserver.of(metrics, progress);
    }

    /** The run went through: metrics file, push, alerts. */
    public void finished(LoadedProject project, SyncReport report) {
        stopProgress();
        metrics.runFinished(report.exitCode(), report.elapsed());
        publish(project, report.args().get("shard"));
        alert(project, RunOutcome.of(report));
    }

    /** The run stopped on {@code failure} after the project was loaded: the metrics and alerts say so. */
    public void failed(LoadedProject project, String runId, RuntimeException failure, Duration elapsed) {
        stopProgress();
        ExitCode code = failure instanceof SpokeException spoke ? spoke.exitCode() : ExitCode.INTERNAL_ERROR;
        metrics.runFinished(code, elapsed);
        publish(project, null);
        String message = failure instanceof SpokeException ? failure.getMessage() : "internal error: " + failure;
        alert(project, RunOutcome.failed(runId, code, message));
    }

    private void publish(LoadedProject project, Object shard) {
        String text = meters.scrape();
        Path file = metricsFile.orElse(project.targetDir().resolve(MetricsFile.DEFAULT_NAME));
        try {
            MetricsFile.write(text, file);
        } catch (SpokeException e) {
            log.error("metrics.file_failed", e.getMessage(), Map.of());
        }
        pushUrl.ifPresent(url -> {
            Map<String, String> grouping = new LinkedHashMap<>();
            grouping.put("project", project.dbtProject().name());
            if (shard != null && !"0/1".equals(String.valueOf(shard))) {
                grouping.put("shard", String.valueOf(shard).replace("/", "-of-"));
            }
            Pushgateway gateway = Pushgateway.at(url, grouping);
            gateway.push(text, delivery, clock).ifPresentOrElse(
                    reason -> log.warn("metrics.push_failed", "metrics could not be pushed to the Pushgateway: "
                            + reason, Map.of()),
                    () -> log.info("metrics.pushed", "metrics pushed to " + gateway.url().redact(), Map.of()));
        });
    }

    private void alert(LoadedProject project, RunOutcome outcome) {
        if (project.config().alerts().isEmpty()) {
            return;
        }
        new AlertDispatcher(registry, clock, log, delivery, project.dbtProject().directory())
                .dispatch(project.config(), project.dbtProject().name(), outcome);
    }

    private void stopProgress() {
        if (progress != null) {
            progress.close();
        }
    }

    @Override
    public void close() {
        stopProgress();
    }
}
