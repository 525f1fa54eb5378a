package dev.spoke.cli;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.SpokeVersion;
import dev.spoke.config.ProblemReport;
import dev.spoke.config.ProblemsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Spec;

/** The root command: {@code spoke <command> [options]}. */
@Command(name = "spoke",
        mixinStandardHelpOptions = true,
        versionProvider = SpokeCommand.Version.class,
        description = "Sends the rows of dbt models to SaaS tools and webhooks: only what changed, nothing lost.",
        subcommands = {LsCommand.class, ValidateCommand.class, SchemaCommand.class, PlanCommand.class,
                SyncCommand.class, StateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:some exports or rows failed (see target/spoke_run_results.json)",
                "2:configuration or usage error; nothing was done",
                "3:runtime error (warehouse, state store, network)",
                "4:another run holds the lock of an export",
                "5:every selected export was skipped as stale",
                "6:interrupted (SIGINT/SIGTERM); confirmed rows were committed",
                "70:internal error (a bug; rerun with --debug and report it)"})
public final class SpokeCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with spoke's services injected, error handlers and exit codes. */
    static CommandLine commandLine(CliServices services) {
        IFactory factory = new ServicesFactory(services);
        CommandLine commandLine = new CommandLine(new SpokeCommand(), factory);
        commandLine.setOut(new PrintWriter(services.out(), true));
        commandLine.setErr(new PrintWriter(services.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) ->
                JsonErrors.requested(parseResult.originalArgs()) && !parseResult.originalArgs().contains("--debug")
                        ? JsonErrors.report(exception, services)
                        : handle(exception, services, parseResult.originalArgs().contains("--debug")));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            Main.printError(services.err(), "spoke: " + exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, services.err());
            Main.printError(services.err(), "Run `" + exception.getCommandLine().getCommandName()
                    + " --help` for the options.");
            return ExitCode.CONFIG_ERROR.code();
        });
        return commandLine;
    }

    private static int handle(Exception exception, CliServices services, boolean debug) {
        if (exception instanceof ProblemsException problems) {
            services.err().print(ProblemReport.render(problems.problems()));
            Main.printError(services.err(), "spoke: " + problems.getMessage());
            return problems.exitCode().code();
        }
        if (exception instanceof SpokeException spoke) {
            Main.printError(services.err(), "spoke: " + spoke.getMessage());
            if (spoke.hint() != null) {
                Main.printError(services.err(), "  hint: " + spoke.hint());
            }
            if (debug && spoke.getCause() != null) {
                spoke.getCause().printStackTrace(services.err());
            }
            return spoke.exitCode().code();
        }
        Main.printError(services.err(), "spoke: internal error: " + exception
                + (debug ? "" : " (rerun with --debug for the stack trace, and please report it)"));
        if (debug) {
            exception.printStackTrace(services.err());
        }
        return ExitCode.INTERNAL_ERROR.code();
    }

    /** Prints {@code spoke <version>}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"spoke " + SpokeVersion.version(), "Java " + Runtime.version()};
        }
    }

    /** Hands each command the process services through its constructor. */
    private record ServicesFactory(CliServices services) implements IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliServices.class).newInstance(services);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
