package dev.spoke.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.config.Export;
import dev.spoke.config.FieldMapping;
import dev.spoke.config.ProblemReport;
import dev.spoke.report.TextTable;
import dev.spoke.sync.LoadedProject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spoke ls}: the exports found, one per model and destination. Reads files only; needs no secrets. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List the exports declared in meta.destinations: model, relation, destination, mode, key.")
final class LsCommand implements Callable<Integer> {
    enum Output { text, json }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliServices services;

    @Mixin
    ProjectOptions project;

    @Mixin
    OutputOptions output;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    Output format = Output.text;

    LsCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        LoadedProject loaded = Commands.engine(services, output).load(project.toRequest(services.environment()));
        if (format == Output.json) {
            ArrayNode exports = JSON.createArrayNode();
            for (Export export : loaded.selected()) {
                exports.add(json(export));
            }
            services.out().println(Commands.toJson(JSON, exports));
        } else if (loaded.selected().isEmpty()) {
            services.out().println("No exports found"
                    + (project.select.isEmpty() && project.exclude.isEmpty() ? "" : " for this selection")
                    + ": no enabled model declares meta.destinations.");
        } else {
            TextTable table = new TextTable("MODEL", "RELATION", "DESTINATION", "TYPE", "MODE", "KEY", "EXPORT");
            for (Export export : loaded.selected()) {
                table.row(export.model().displayName(), export.model().relation(), export.connection().name(),
                        export.connection().type(), export.mode().configName(), String.join(", ", export.key()),
                        export.id());
            }
            services.out().print(table.render());
        }
        if (!loaded.allProblems().isEmpty()) {
            services.err().print(ProblemReport.render(loaded.allProblems()));
            services.err().println("Entries with problems are not listed; run `spoke validate` for details.");
        }
        return 0;
    }

    private static ObjectNode json(Export export) {
        ObjectNode node = JSON.createObjectNode();
        node.put("export_id", export.id());
        node.put("model", export.model().displayName());
        node.put("unique_id", export.model().uniqueId());
        node.put("relation", export.model().relation().toString());
        node.put("destination", export.connection().name());
        node.put("destination_type", export.connection().type());
        node.put("mode", export.mode().configName());
        ArrayNode key = node.putArray("key");
        export.key().forEach(key::add);
        ObjectNode mapping = node.putObject("mapping");
        for (FieldMapping.Field field : export.mapping().fields()) {
            mapping.put(field.destinationField(), field.column());
        }
        node.set("options", JSON.valueToTree(export.exportOptions().asMap()));
        node.put("properties_file", export.model().propertiesFile());
        return node;
    }
}
