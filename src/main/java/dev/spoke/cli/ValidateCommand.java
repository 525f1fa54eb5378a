package dev.spoke.cli;

import dev.spoke.ExitCode;
import dev.spoke.config.Problem;
import dev.spoke.config.ProblemReport;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.SyncEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spoke validate}: every problem at once, each naming model, file, key and fix. Checks meta.destinations
 * against the schema, spoke.yml, secrets present in the environment, and (unless {@code --offline}) that each
 * model's relation exists in the warehouse with its key and mapped columns.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check spoke.yml, meta.destinations, secrets and, unless --offline, the models' relations and columns in the warehouse.")
final class ValidateCommand implements Callable<Integer> {
    private final CliServices services;

    @Mixin
    ProjectOptions project;

    @Mixin
    OutputOptions output;

    @Option(names = "--offline", description = "Do not connect to the warehouse; check files and the environment only.")
    boolean offline;

    ValidateCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        SyncEngine engine = Commands.engine(services, output);
        LoadedProject loaded = engine.load(project.toRequest(services.environment()));
        boolean selecting = !project.select.isEmpty() || !project.exclude.isEmpty();
        List<Problem> problems = new ArrayList<>(selecting ? loaded.blockingProblems() : loaded.allProblems());
        if (problems.isEmpty() && !offline && !loaded.selected().isEmpty()) {
            problems.addAll(engine.checkWarehouse(loaded));
        }
        if (!problems.isEmpty()) {
            services.err().print(ProblemReport.render(problems));
            return ExitCode.CONFIG_ERROR.code();
        }
        services.out().println("OK: " + loaded.selected().size() + " export(s) valid"
                + (offline ? " (warehouse not checked: --offline)" : ""));
        return ExitCode.SUCCESS.code();
    }
}
