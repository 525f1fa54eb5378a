package dev.spoke.cli;

import dev.spoke.SpokeException;
import dev.spoke.report.TextTable;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.SyncEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spoke state show|reset}: inspect or forget what destinations have. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Inspect (show) or forget (reset) what each destination has confirmed.",
        subcommands = {StateCommand.Show.class, StateCommand.Reset.class})
final class StateCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code spoke state show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "List every export the state store knows: rows confirmed, last sync, rows in open jobs.")
    static final class Show implements Callable<Integer> {
        private final CliServices services;

        @Mixin
        ProjectOptions project;

        @Mixin
        OutputOptions output;

        Show(CliServices services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            SyncEngine engine = Commands.engine(services, output);
            LoadedProject loaded = engine.load(project.toRequest(services.environment()));
            List<Map<String, Object>> exports = engine.describeState(loaded);
            if (exports.isEmpty()) {
                services.out().println("The state store knows no export yet: run `spoke sync` first.");
                return 0;
            }
            TextTable table = new TextTable("EXPORT", "MODEL", "DESTINATION", "MODE", "ROWS", "LAST SYNCED", "PENDING");
            for (Map<String, Object> export : exports) {
                table.row(export.get("export_id"), export.get("model"), export.get("destination"), export.get("mode"),
                        export.get("rows"), export.get("last_synced_at"), export.get("pending_rows"));
            }
            services.out().print(table.render());
            return 0;
        }
    }

    /** {@code spoke state reset}. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Forget what the selected exports' destinations have; the next sync resends every row. Needs --select or --all.")
    static final class Reset implements Callable<Integer> {
        private final CliServices services;

        @Mixin
        ProjectOptions project;

        @Mixin
        OutputOptions output;

        @Option(names = "--all", description = "Reset every export of the project.")
        boolean all;

        Reset(CliServices services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            if (!all && project.select.isEmpty()) {
                throw SpokeException.config("spoke state reset needs --select (which exports) or --all",
                        "e.g. spoke state reset --select export:at_risk_customers__crm");
            }
            SyncEngine engine = Commands.engine(services, output);
            LoadedProject loaded = engine.load(project.toRequest(services.environment()));
            List<String> reset = engine.resetState(loaded);
            reset.forEach(id -> services.out().println("reset " + id + ": the next sync sends every row again"));
            if (reset.isEmpty()) {
                services.out().println("No export matched the selection; nothing was reset.");
            }
            return 0;
        }
    }
}
