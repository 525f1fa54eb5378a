package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.spoke.dbt.Model;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.OptionValidator;
import dev.spoke.destination.SyncMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Validates a model's {@code meta.destinations} against the generated {@link DestinationsSchema} and turns each
 * validation message into a {@link Problem} with a stable code and a fix.
 *
 * <p>The schema's per-connection branches (what {@code options} and {@code mode} a connection's type accepts) and
 * its list of connection names guide editors; here the same facts are reported by {@link EntryBinder}'s typed checks
 * ({@code invalid-option}, {@code unsupported-mode}, {@code unknown-connection}), which can say more (the option's
 * meaning, a did-you-mean), so the schema's messages for them are left out rather than reported twice.
 */
final class DestinationsValidator {
    private final ObjectNode schemaNode;
    private final JsonSchema schema;
    private final Set<String> exportOptionNames;

    DestinationsValidator(ObjectNode schemaNode, DestinationRegistry registry) {
        this.schemaNode = requireNonNull(schemaNode, "schemaNode is null");
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode);
        this.exportOptionNames = registry.all().stream().map(DestinationFactory::exportOptions)
                .flatMap(List::stream).map(OptionSpec::name).collect(Collectors.toSet());
    }

    /** Problems of one model's {@code meta.destinations} value. */
    List<Problem> validate(Model model, JsonNode destinations) {
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(destinations)) {
            if (coveredByTypedChecks(message)) {
                continue;
            }
            problems.add(toProblem(model, message));
        }
        return problems;
    }

    private static boolean coveredByTypedChecks(ValidationMessage message) {
        JsonNodePath at = message.getInstanceLocation();
        boolean connectionName = at.getNameCount() == 2 && "to".equals(at.getName(1))
                && message.getType().equals("enum");
        return connectionName || message.getEvaluationPath().toString().contains("allOf");
    }

    private Problem toProblem(Model model, ValidationMessage message) {
        JsonNodePath at = message.getInstanceLocation();
        String key = MetaPath.destinations(at);
        String file = model.propertiesFile();
        String name = model.displayName();
        return switch (message.getType()) {
            case "additionalProperties" -> unknownKey(name, file, key, message.getProperty());
            case "required" -> new Problem("missing-to", name, file, key + "." + message.getProperty(),
                    "this destination has no '" + message.getProperty() + "'",
                    "Add to: naming the connection in spoke.yml that receives the rows" + connectionChoices());
            case "enum" -> at.getNameCount() == 2 && "mode".equals(at.getName(1))
                    ? unknownMode(name, file, key, message.getInstanceNode().asText())
                    : invalidValue(name, file, key, message);
            default -> invalidValue(name, file, key, message);
        };
    }

    private Problem unknownKey(String model, String file, String key, String property) {
        String hint = exportOptionNames.contains(property)
                ? "'" + property + "' is a destination option: write it under options:, e.g. options: { " + property
                        + ": ... }"
                : "A destination takes: " + String.join(", ", DestinationsSchema.ENTRY_KEYS);
        return new Problem("unknown-key", model, file, key + "." + property, "unknown key '" + property + "'"
                + OptionValidator.suggestion(property, DestinationsSchema.ENTRY_KEYS), hint);
    }

    private static Problem unknownMode(String model, String file, String key, String mode) {
        List<String> modes = Arrays.stream(SyncMode.values()).map(SyncMode::configName).toList();
        return new Problem("unknown-mode", model, file, key, "'" + mode + "' is not a sync mode"
                + OptionValidator.suggestion(mode, modes),
                "Use one of " + SyncMode.choices() + "; leave mode out for upsert");
    }

    private Problem invalidValue(String model, String file, String key, ValidationMessage message) {
        String prefix = message.getInstanceLocation() + ": ";
        String text = message.getMessage().startsWith(prefix)
                ? message.getMessage().substring(prefix.length()) : message.getMessage();
        JsonNodePath at = message.getInstanceLocation();
        String hint;
        if (at.getNameCount() == 0) {
            hint = "meta.destinations is a list: start each entry with '- to: <connection>'";
        } else if (at.getNameCount() == 1) {
            hint = "Write each destination as a mapping, e.g. - to: my_connection";
        } else {
            hint = DestinationsSchema.describe(schemaNode, at.getName(1));
        }
        return new Problem("invalid-value", model, file, key, "invalid value: " + text, hint.isEmpty() ? null : hint);
    }

    private String connectionChoices() {
        JsonNode names = schemaNode.path("definitions").path(DestinationsSchema.ENTRY_DEFINITION).path("properties")
                .path("to").path("enum");
        if (names.isEmpty()) {
            return "";
        }
        return " (one of: " + StreamSupport.stream(names.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(", ")) + ")";
    }
}
