package dev.spoke.destination;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The values a {@link RowFields} holds, and how each is written: {@code null}, {@link String}, {@link Boolean},
 * {@link Integer}, {@link Long}, {@link Short}, {@link BigInteger}, {@link BigDecimal} (always in plain notation with
 * its scale), {@link Double}, {@link Float}, {@link RawJson} (written as is) and {@link JsonNode} (nested values:
 * arrays, structs, maps). Anything else is a bug of the engine, refused loudly.
 */
public final class JsonScalars {
    private static final ObjectMapper PARSER = new ObjectMapper();

    private JsonScalars() {
    }

    /** Writes one value with the generator's typed calls. */
    public static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal.toPlainString());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof RawJson raw) {
            generator.writeRawValue(raw.json());
        } else if (value instanceof JsonNode node) {
            generator.writeTree(node);
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof Float number) {
            generator.writeNumber(number);
        } else if (value instanceof Short number) {
            generator.writeNumber(number);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** The value as a tree node (a {@link RawJson} parsed), integers as the JSON parser would read them. */
    public static JsonNode toNode(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return NullNode.getInstance();
        } else if (value instanceof String text) {
            return nodes.textNode(text);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return integral(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            return nodes.numberNode(decimal);
        } else if (value instanceof BigInteger number) {
            return number.bitLength() < Long.SIZE ? integral(number.longValue()) : nodes.numberNode(number);
        } else if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        } else if (value instanceof Double number) {
            return nodes.numberNode(number);
        } else if (value instanceof Float number) {
            return nodes.numberNode(number);
        } else if (value instanceof RawJson raw) {
            try {
                return PARSER.readTree(raw.json());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a raw JSON value is not JSON: " + e.getOriginalMessage(), e);
            }
        } else if (value instanceof JsonNode node) {
            return node;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** An integer as the JSON parser reads it back: an int node when it fits, else a long node. */
    private static JsonNode integral(long value) {
        return value == (int) value ? JsonNodeFactory.instance.numberNode((int) value)
                : JsonNodeFactory.instance.numberNode(value);
    }

    /**
     * The value as text: strings as they are, numbers in plain notation, booleans as {@code true}/{@code false},
     * nested values and raw JSON as compact JSON; {@code null} for null.
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof String text) {
            return text;
        } else if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        } else if (value instanceof JsonNode node) {
            return node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
        }
        return value.toString();
    }
}
