package dev.spoke.cli;

import dev.spoke.report.ConsoleSummary;
import dev.spoke.report.RunResultsWriter;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.SyncEngine;
import dev.spoke.sync.SyncReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code spoke sync}: sends what changed for each selected export, writes target/spoke_run_results.json, prints a
 * summary, and exits with a code that says what happened.
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

    SyncCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        SyncEngine engine = Commands.engine(services, output);
        LoadedProject loaded = engine.load(project.toRequest(services.environment()));
        SyncReport report = engine.sync(loaded, run.toOptions(0));
        Path written = RunResultsWriter.write(report, loaded.targetDir());
        if (output.logFormat == OutputOptions.LogFormat.text) {
            services.out().print(dev.spoke.config.SecretRedactor.global().redact(ConsoleSummary.render(report, written)));
        }
        return report.exitCode().code();
    }
}
