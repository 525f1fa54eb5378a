package dev.spoke.cli;

import dev.spoke.config.SecretRedactor;
import dev.spoke.report.ConsoleSummary;
import dev.spoke.report.RunLog;
import dev.spoke.report.RunResultsWriter;
import dev.spoke.report.SyncOutputs;
import dev.spoke.report.progress.Terminal;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.SyncEngine;
import dev.spoke.sync.SyncReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spoke sync}: sends what changed for each selected export, writes target/spoke_run_results.json and the
 * metrics, sends the alerts that fire, prints a summary, and exits with a code that says what happened.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Send what changed in each selected model to its destinations; write target/spoke_run_results.json.")
final class SyncCommand implements Callable<Integer> {
    private final CliServices services;

    @Mixin
    ProjectOptions project;

    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @Option(names = "--require-run-results",
            description = "Fail (exit 2) when dbt's run_results.json is not there, instead of syncing without"
                    + " freshness gating.")
    boolean requireRunResults;

    @Option(names = "--allow-stale",
            description = "Send exports whose model dbt did not just build successfully (by default they are skipped;"
                    + " exit 5 when all are), and accept run results from another dbt invocation than the manifest's.")
    boolean allowStale;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "Where to write the run's metrics in Prometheus text format (for node_exporter's textfile"
                    + " collector). Default: <project-dir>/<target-path>/spoke_metrics.prom.")
    Path metricsFile;

    @Option(names = "--metrics-push-url", paramLabel = "URL",
            description = "Push the run's metrics to this Prometheus Pushgateway at the end of the run"
                    + " (group job=spoke, project=<dbt project>[, shard=<i>-of-<n>]).")
    String metricsPushUrl;

    @Option(names = "--progress", negatable = true,
            description = "Draw a live progress line per export on stderr (default: only when stderr is a terminal"
                    + " and --log-format is text).")
    Boolean progress;

    SyncCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        String runId = Commands.newRunId();
        RunLog log = output.log(services.err(), services.clock()).with(Map.of("run_id", runId));
        try (SyncOutputs outputs = new SyncOutputs(log, services.err(), services.clock(), services.registry(),
                showProgress(), Optional.ofNullable(metricsFile), Optional.ofNullable(metricsPushUrl))) {
            SyncEngine engine = new SyncEngine(services.registry(), services.clock(), outputs.log(), outputs.meters(),
                    outputs.deliveryListener(), services.stop(), outputs.observer());
            LoadedProject loaded = engine.load(project.toRequest(services.environment(), requireRunResults));
            Instant started = services.clock().instant();
            SyncReport report;
            try {
                report = engine.sync(loaded, run.toOptions(0, allowStale, Optional.of(runId)));
            } catch (RuntimeException e) {
                outputs.failed(loaded, runId, e, Duration.between(started, services.clock().instant()));
                throw e;
            }
            Path written = RunResultsWriter.write(report, loaded.targetDir());
            if (output.logFormat == OutputOptions.LogFormat.text) {
                services.out().print(SecretRedactor.global().redact(ConsoleSummary.render(report, written)));
                services.out().flush();
            }
            outputs.finished(loaded, report);
            return report.exitCode().code();
        }
    }

    private boolean showProgress() {
        if (progress != null) {
            return progress;
        }
        return output.logFormat == OutputOptions.LogFormat.text && Terminal.stderrIsTerminal();
    }
}
