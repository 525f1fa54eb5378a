package dev.spoke.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.ExitCode;
import dev.spoke.state.ChangeCounts;
import dev.spoke.report.TextTable;
import dev.spoke.sync.ExportPlan;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.SyncEngine;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spoke plan}: what a sync would send, per export: counts and sample payloads. Sends nothing, writes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what a sync would send (rows to add, change, remove; invalid rows; sample payloads). Sends nothing and changes no state.")
final class PlanCommand implements Callable<Integer> {
    enum Output { text, json }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliServices services;

    @Mixin
    ProjectOptions project;

    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @Option(names = "--samples", paramLabel = "N", description = "Sample payloads per export (default 3).")
    int samples = 3;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    Output format = Output.text;

    PlanCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        SyncEngine engine = Commands.engine(services, output);
        LoadedProject loaded = engine.load(project.toRequest(services.environment()));
        List<ExportPlan> plans = engine.plan(loaded, run.toOptions(Math.max(0, samples)));
        if (format == Output.json) {
            ArrayNode array = JSON.createArrayNode();
            plans.forEach(plan -> array.add(json(plan)));
            services.out().println(Commands.toJson(JSON, array));
        } else {
            services.out().print(Commands.redact(text(plans)));
        }
        return plans.stream().anyMatch(plan -> plan.error() != null)
                ? ExitCode.PARTIAL_FAILURE.code() : ExitCode.SUCCESS.code();
    }

    private static String text(List<ExportPlan> plans) {
        if (plans.isEmpty()) {
            return "Nothing to plan: no export matched the selection.\n";
        }
        TextTable table = new TextTable("EXPORT", "MODE", "ADD", "CHANGE", "REMOVE", "INVALID", "UNCHANGED", "TO SEND");
        StringBuilder out = new StringBuilder();
        for (ExportPlan plan : plans) {
            ChangeCounts counts = plan.counts();
            if (counts == null) {
                table.row(plan.modelName() + " -> " + plan.destination(), plan.mode(), "-", "-", "-", "-", "-", "error");
                continue;
            }
            table.row(plan.modelName() + " -> " + plan.destination(), plan.mode(), counts.added(), counts.changed(),
                    counts.removed(), counts.invalid(), counts.unchanged(), plan.toSend());
        }
        out.append(table.render());
        for (ExportPlan plan : plans) {
            if (plan.error() != null) {
                out.append('\n').append(plan.exportId()).append(": ").append(plan.error()).append('\n');
            } else if (!plan.samples().isEmpty()) {
                out.append('\n').append(plan.exportId()).append(" sample payloads:\n");
                for (ObjectNode sample : plan.samples()) {
                    out.append("  ").append(sample).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static ObjectNode json(ExportPlan plan) {
        ObjectNode node = JSON.createObjectNode();
        node.put("export_id", plan.exportId());
        node.put("model", plan.modelName());
        node.put("destination", plan.destination());
        node.put("mode", plan.mode());
        if (plan.error() != null) {
            node.put("error", plan.error());
            return node;
        }
        ChangeCounts counts = plan.counts();
        ObjectNode rows = node.putObject("rows");
        rows.put("total", counts.total());
        rows.put("added", counts.added());
        rows.put("changed", counts.changed());
        rows.put("removed", counts.removed());
        rows.put("unchanged", counts.unchanged());
        rows.put("null_keys", counts.nullKeys());
        rows.put("duplicate_keys", counts.duplicateKeys());
        rows.put("pending", counts.pending());
        rows.put("to_send", plan.toSend());
        ArrayNode samples = node.putArray("samples");
        plan.samples().forEach(samples::add);
        return node;
    }
}
