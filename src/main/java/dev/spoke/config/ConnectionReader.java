package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.config.TemplatedValues.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one connection of spoke.yml: its {@code type}, its {@code rate_limit:} and {@code delivery:} blocks, and every
 * other key as an option of its destination type (checked against the type's declared options later, by
 * {@link ExportBinder}, which knows the types).
 */
final class ConnectionReader {
    private final TemplatedValues values;
    private final String file;
    private final ProblemCollector problems;

    ConnectionReader(TemplatedValues values, String file, ProblemCollector problems) {
        this.values = requireNonNull(values, "values is null");
        this.file = requireNonNull(file, "file is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    /** The connection, or empty when it has no usable type (a problem was reported). */
    Optional<ConnectionSpec> read(String name, JsonNode node) {
        Scope scope = new Scope("connections." + name, "connection '" + name + "'");
        if (!node.isObject()) {
            problems.add("invalid-value", null, file, scope.keyPrefix(),
                    "connection '" + name + "' must be a mapping of type: and the type's options",
                    "Write it as " + name + ": { type: webhook, url: https://... }");
            return Optional.empty();
        }
        Optional<String> type = type(name, node, scope);
        DeliverySettingsBuilder delivery = new DeliverySettingsBuilder();
        readBlock(SpokeYmlSettings.RATE_LIMIT, node, scope, delivery);
        readBlock(SpokeYmlSettings.DELIVERY, node, scope, delivery);
        if (delivery.initialBackoff.compareTo(delivery.maxBackoff) > 0) {
            problems.add("invalid-value", null, file, scope.key("delivery.initial_backoff"),
                    "initial_backoff (" + DurationText.format(delivery.initialBackoff)
                            + ") is longer than max_backoff (" + DurationText.format(delivery.maxBackoff) + ")",
                    "Make initial_backoff shorter than max_backoff, or raise max_backoff");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            if (!SpokeYmlSettings.CONNECTION_KEYS.contains(entry.getKey())) {
                Object value = values.toJava(entry.getValue(), scope, entry.getKey(), true);
                if (value != null) {
                    options.put(entry.getKey(), value);
                }
            }
        });
        return type.map(t -> new ConnectionSpec(name, t, options, delivery.build()));
    }

    private Optional<String> type(String name, JsonNode node, Scope scope) {
        JsonNode typeNode = node.get("type");
        if (typeNode == null || typeNode.isNull()) {
            problems.add("missing-type", null, file, scope.key("type"),
                    "connection '" + name + "' has no type, so spoke cannot tell where it sends rows",
                    "Add type: with a destination type, e.g. type: webhook (`spoke schema` lists the types)");
            return Optional.empty();
        }
        Object type = values.toJava(typeNode, scope, "type", false);
        if (type instanceof String text && !text.isBlank()) {
            return Optional.of(text);
        }
        if (type != null) {
            problems.add("invalid-value", null, file, scope.key("type"),
                    "the type of connection '" + name + "' must be a word such as webhook",
                    "Write type: followed by a destination type, e.g. type: webhook");
        }
        return Optional.empty();
    }

    private void readBlock(
            SettingsBlock<DeliverySettingsBuilder> block, JsonNode connection, Scope scope,
            DeliverySettingsBuilder target) {
        JsonNode node = connection.get(block.name());
        if (node != null && !node.isNull()) {
            block.read(values.toJava(node, scope, block.name(), false), target, file, scope.key(block.name()),
                    problems);
        }
    }
}
