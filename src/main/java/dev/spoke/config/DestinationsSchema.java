package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.SyncMode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Generates the JSON Schema (draft-07, which editors' YAML plugins support best) of a model's
 * {@code meta.destinations} list from the destination types on the class path: what {@code spoke schema} prints for
 * editors to autocomplete schema.yml, and what {@link ExportBinder} validates every entry with, so the two cannot
 * differ.
 *
 * <p>Given spoke.yml, {@code to} lists its connections and each connection gets an {@code if}/{@code then} that holds
 * {@code options} and {@code mode} to what the connection's type accepts.
 */
public final class DestinationsSchema {
    /** The JSON Schema dialect of the generated schema. */
    public static final String DIALECT = "http://json-schema.org/draft-07/schema#";
    /** The keys a destination entry may have. */
    public static final List<String> ENTRY_KEYS = List.of("to", "mode", "key", "mapping", "options");

    static final String ENTRY_DEFINITION = "destination";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DestinationsSchema() {
    }

    /**
     * @param registry the destination types whose export options the schema describes
     * @param config spoke.yml, to list its connections and bind each to its type's options; {@code null} for a
     *     schema that knows the types but no connections
     * @return the schema of the {@code meta.destinations} list
     */
    public static ObjectNode generate(DestinationRegistry registry, SpokeConfig config) {
        requireNonNull(registry, "registry is null");
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("title", "meta.destinations");
        schema.put("description", "Where spoke sends this model's rows, one entry per destination. Never put a"
                + " secret here: dbt writes meta into target/manifest.json in plain text; secrets belong in spoke.yml"
                + " as \"{{ env_var('NAME') }}\".");
        schema.put("type", "array");
        schema.putObject("items").put("$ref", "#/definitions/" + ENTRY_DEFINITION);
        ObjectNode definitions = schema.putObject("definitions");
        definitions.set(ENTRY_DEFINITION, entry(registry, config));
        for (DestinationFactory factory : registry.all()) {
            definitions.set(optionsDefinition(factory.type()), OptionSchemas.objectOf(factory.exportOptions(),
                    "Export options of " + factory.type() + " destinations (" + factory.description() + ")"));
        }
        return schema;
    }

    /** The name under {@code definitions} of a type's export options, e.g. {@code options_webhook}. */
    static String optionsDefinition(String type) {
        return "options_" + type;
    }

    /** The description of an entry key, from a generated schema; empty when it has none. */
    static String describe(JsonNode schema, String entryKey) {
        return schema.path("definitions").path(ENTRY_DEFINITION).path("properties").path(entryKey)
                .path("description").asText("");
    }

    private static ObjectNode entry(DestinationRegistry registry, SpokeConfig config) {
        ObjectNode entry = JSON.objectNode();
        entry.put("type", "object");
        entry.put("description", "One destination of this model's rows.");
        ObjectNode properties = entry.putObject("properties");
        properties.set("to", to(config));
        properties.set("mode", mode());
        properties.set("key", key());
        properties.set("mapping", mapping());
        properties.set("options", options(registry));
        entry.putArray("required").add("to");
        entry.put("additionalProperties", false);
        if (config != null) {
            ArrayNode byConnection = JSON.arrayNode();
            for (ConnectionSpec connection : config.connections().values()) {
                registry.find(connection.type()).ifPresent(factory -> byConnection.add(ifTo(connection, factory)));
            }
            if (!byConnection.isEmpty()) {
                entry.set("allOf", byConnection);
            }
        }
        return entry;
    }

    private static ObjectNode to(SpokeConfig config) {
        ObjectNode to = JSON.objectNode();
        to.put("type", "string");
        to.put("minLength", 1);
        if (config == null || config.connections().isEmpty()) {
            to.put("description", "The connection in spoke.yml that receives the rows.");
            return to;
        }
        to.put("description", "The connection in spoke.yml that receives the rows: "
                + config.connections().values().stream().map(c -> c.name() + " (" + c.type() + ")")
                        .collect(Collectors.joining(", ")) + ".");
        ArrayNode names = to.putArray("enum");
        config.connections().keySet().forEach(names::add);
        return to;
    }

    private static ObjectNode mode() {
        ObjectNode mode = JSON.objectNode();
        mode.put("type", "string");
        String meanings = Arrays.stream(SyncMode.values()).map(m -> m.configName() + " " + meaning(m))
                .collect(Collectors.joining("; "));
        mode.put("description", "How the destination is kept in step with the model: " + meanings + ".");
        ArrayNode choices = mode.putArray("enum");
        Arrays.stream(SyncMode.values()).map(SyncMode::configName).forEach(choices::add);
        mode.put("default", SyncMode.UPSERT.configName());
        return mode;
    }

    private static String meaning(SyncMode mode) {
        return switch (mode) {
            case UPSERT -> "(the default) sends rows whose key is new or whose values changed";
            case UPDATE -> "sends new and changed rows (every row on the first run) as updates: the destination updates the records it has and creates none";
            case INSERT -> "sends only rows whose key is new to the destination";
            case MIRROR -> "is upsert, and also deletes at the destination the keys that left the model";
            case APPEND -> "sends every row on every run, with no change detection";
        };
    }

    private static ObjectNode key() {
        ObjectNode key = JSON.objectNode();
        key.putArray("type").add("string").add("array");
        key.put("description", "The column, or list of columns, that identifies a row. Default: the model's"
                + " unique_key config, else its primary_key constraint.");
        key.put("minLength", 1);
        key.put("minItems", 1);
        key.put("uniqueItems", true);
        key.putObject("items").put("type", "string").put("minLength", 1);
        return key;
    }

    private static ObjectNode mapping() {
        ObjectNode mapping = JSON.objectNode();
        mapping.put("type", "object");
        mapping.put("description", "Destination field to model column, e.g. email_address: email. A dotted field"
                + " (merge_fields.FNAME) nests. Default: every column under its own name.");
        mapping.put("minProperties", 1);
        mapping.putObject("additionalProperties").put("type", "string").put("minLength", 1)
                .put("description", "The model column this field takes its value from");
        return mapping;
    }

    private static ObjectNode options(DestinationRegistry registry) {
        ObjectNode options = JSON.objectNode();
        options.put("type", "object");
        options.put("description", "What the connection's destination type needs, e.g. an audience id. Each type's"
                + " options: " + registry.types().stream().map(type -> "#/definitions/" + optionsDefinition(type))
                        .collect(Collectors.joining(", ")) + ".");
        return options;
    }

    private static ObjectNode ifTo(ConnectionSpec connection, DestinationFactory factory) {
        ObjectNode rule = JSON.objectNode();
        ObjectNode condition = rule.putObject("if");
        condition.putObject("properties").putObject("to").put("const", connection.name());
        condition.putArray("required").add("to");
        ObjectNode then = rule.putObject("then");
        ObjectNode properties = then.putObject("properties");
        ArrayNode modes = properties.putObject("mode").putArray("enum");
        Arrays.stream(SyncMode.values()).filter(factory.supportedModes()::contains).map(SyncMode::configName)
                .forEach(modes::add);
        properties.putObject("options").put("$ref", "#/definitions/" + optionsDefinition(factory.type()));
        if (factory.exportOptions().stream().anyMatch(OptionSpec::isRequired)) {
            then.putArray("required").add("options");
        }
        return rule;
    }
}
