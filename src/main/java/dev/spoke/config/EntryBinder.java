package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.dbt.Model;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.OptionValidator;
import dev.spoke.destination.SyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds one entry of a model's {@code meta.destinations} to its connection and checks what the schema cannot: that
 * the connection exists, supports the mode and takes the options; that the model has a key; that the columns the
 * entry names exist; and that mapped fields do not collide. Reports every problem and builds the {@link Export} when
 * it has what it needs; {@link ExportBinder} keeps it only when the entry has no problem at all.
 */
final class EntryBinder {
    private final Model model;
    private final SpokeConfig config;
    private final Map<String, DestinationFactory> factories;
    private final ProblemCollector problems;
    private final String file;

    EntryBinder(Model model, SpokeConfig config, Map<String, DestinationFactory> factories, ProblemCollector problems) {
        this.model = requireNonNull(model, "model is null");
        this.config = requireNonNull(config, "config is null");
        this.factories = requireNonNull(factories, "factories is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.file = model.propertiesFile();
    }

    Optional<Export> bind(int index, JsonNode entry, String id) {
        String at = MetaPath.entry(index);
        Optional<ConnectionSpec> connection = connection(entry, at);
        DestinationFactory factory = connection.map(c -> factories.get(c.name())).orElse(null);
        Optional<SyncMode> mode = entry.has("mode") ? SyncMode.parse(entry.path("mode").asText(null))
                : Optional.of(SyncMode.UPSERT);
        if (factory != null && mode.isPresent() && !factory.supportedModes().contains(mode.get())) {
            problems.add("unsupported-mode", model.displayName(), file, at + ".mode",
                    "connection '" + connection.get().name() + "' is of type '" + factory.type()
                            + "', which does not support mode " + mode.get().configName(),
                    "Use one of: " + supportedModes(factory));
        }
        List<String> key = new KeyResolver(model, problems).resolve(entry, at);
        FieldMapping mapping = new MappingReader(model, problems).read(entry, at);
        Optional<OptionValidator.Result> options = factory == null ? Optional.empty() : options(entry, at, factory);
        if (id == null || connection.isEmpty() || factory == null || mode.isEmpty() || key.isEmpty()
                || options.isEmpty() || !options.get().isValid()) {
            return Optional.empty();
        }
        return Optional.of(new Export(id, model, index, connection.get(), factory, mode.get(), key, mapping,
                options.get().options()));
    }

    private Optional<ConnectionSpec> connection(JsonNode entry, String at) {
        JsonNode to = entry.path("to");
        if (!to.isTextual()) {
            return Optional.empty();
        }
        Optional<ConnectionSpec> connection = config.connection(to.asText());
        if (connection.isEmpty()) {
            String hint = config.connections().isEmpty()
                    ? "spoke.yml has no connections: create spoke.yml next to dbt_project.yml with connections: { "
                            + to.asText() + ": { type: webhook, url: https://... } }"
                    : "Connections in " + config.fileName() + ": " + String.join(", ", config.connections().keySet())
                            + ". Fix the name, or add the connection to " + config.fileName();
            problems.add("unknown-connection", model.displayName(), file, at + ".to",
                    "'" + to.asText() + "' is not a connection in " + config.fileName()
                            + OptionValidator.suggestion(to.asText(), config.connections().keySet()),
                    hint);
        }
        return connection;
    }

    private Optional<OptionValidator.Result> options(JsonNode entry, String at, DestinationFactory factory) {
        JsonNode node = entry.path("options");
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            return Optional.empty();
        }
        Object raw = JsonValues.toJava(node);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = raw == null ? Map.of() : (Map<String, Object>) raw;
        OptionValidator.Result result = OptionValidator.validate(factory.exportOptions(), values, List.of());
        OptionProblems.report(result, factory.exportOptions(), "destinations of type '" + factory.type() + "'",
                model.displayName(), file, at + ".options", problems);
        AddressProblems.checkUrlOptions(factory.exportOptions(), result.options(), config.network(),
                "model " + model.displayName(), model.displayName(), file, at + ".options", problems);
        return Optional.of(result);
    }

    private static String supportedModes(DestinationFactory factory) {
        List<String> modes = new ArrayList<>();
        for (SyncMode mode : SyncMode.values()) {
            if (factory.supportedModes().contains(mode)) {
                modes.add(mode.configName());
            }
        }
        return String.join(", ", modes);
    }
}
