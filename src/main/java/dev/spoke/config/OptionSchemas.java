package dev.spoke.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.OptionType;
import dev.spoke.destination.OptionValidator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The JSON Schema (draft-07) of declared destination options: one property per {@link OptionSpec}. */
final class OptionSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OptionSchemas() {
    }

    /**
     * An object schema accepting exactly the given options.
     *
     * @param description what the object is, for editors
     */
    static ObjectNode objectOf(List<OptionSpec> specs, String description) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.put("description", description);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (OptionSpec spec : specs) {
            properties.set(spec.name(), of(spec));
            if (spec.isRequired()) {
                required.add(spec.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The schema of one option: its type, bounds, choices, default and description. */
    static ObjectNode of(OptionSpec spec) {
        ObjectNode schema = JSON.objectNode();
        switch (spec.type()) {
            case STRING, URL -> schema.put("type", "string");
            case INTEGER -> {
                schema.put("type", "integer");
                if (spec.minimum() != null) {
                    schema.put("minimum", spec.minimum());
                }
                if (spec.maximum() != null) {
                    schema.put("maximum", spec.maximum());
                }
            }
            case BOOLEAN -> schema.put("type", "boolean");
            case ENUM -> {
                schema.put("type", "string");
                ArrayNode choices = schema.putArray("enum");
                spec.allowedValues().forEach(choices::add);
            }
            case DURATION -> {
                schema.putArray("type").add("number").add("string");
                schema.put("minimum", 0);
                schema.put("pattern", OptionValidator.DURATION_PATTERN);
            }
            case STRING_MAP -> {
                schema.put("type", "object");
                schema.putObject("additionalProperties").putArray("type").add("string").add("number").add("boolean");
            }
            case STRING_LIST -> {
                schema.put("type", "array");
                schema.putObject("items").putArray("type").add("string").add("number").add("boolean");
            }
        }
        String description = spec.description();
        if (spec.type() == OptionType.DURATION) {
            description = (description.isEmpty() ? "" : description + ". ") + "A duration: 500ms, 30s, 5m, 2h";
        }
        if (!description.isEmpty()) {
            schema.put("description", description);
        }
        if (spec.defaultValue() != null) {
            schema.set("default", defaultValue(spec.defaultValue()));
        }
        return schema;
    }

    private static JsonNode defaultValue(Object value) {
        if (value instanceof Duration duration) {
            return JSON.textNode(DurationText.format(duration));
        }
        if (value instanceof Boolean bool) {
            return JSON.booleanNode(bool);
        }
        if (value instanceof Number number) {
            return number instanceof Double || number instanceof Float
                    ? JSON.numberNode(number.doubleValue()) : JSON.numberNode(number.longValue());
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(item -> array.add(String.valueOf(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.objectNode();
            map.forEach((k, v) -> object.put(String.valueOf(k), String.valueOf(v)));
            return object;
        }
        return JSON.textNode(String.valueOf(value));
    }
}
