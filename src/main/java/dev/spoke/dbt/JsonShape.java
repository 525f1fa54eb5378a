package dev.spoke.dbt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Which parts of a JSON value to keep while streaming: the whole value, only some fields of an object (each with its
 * own shape), or every entry of a map-like object with one shape. Reading with a shape builds a tree of just those
 * parts; everything else is skipped by the parser without being decoded, which is what keeps a 50 MB manifest fast
 * and light on memory.
 */
final class JsonShape {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keep the value as it is. */
    static final JsonShape WHOLE = new JsonShape(null, null);

    private final Map<String, JsonShape> fields;
    private final JsonShape eachEntry;

    private JsonShape(Map<String, JsonShape> fields, JsonShape eachEntry) {
        this.fields = fields;
        this.eachEntry = eachEntry;
    }

    /** An object of which only these fields are kept, each read with its shape. */
    static JsonShape fields(Map<String, JsonShape> fields) {
        return new JsonShape(Map.copyOf(fields), null);
    }

    /** An object whose every entry is kept, each read with the given shape (dbt's {@code columns} map). */
    static JsonShape eachEntry(JsonShape shape) {
        return new JsonShape(null, shape);
    }

    /**
     * Reads the value the parser is at. A value that is not an object where the shape expects one is kept whole, so
     * the caller decides what a wrong type means. Leaves the parser on the value's last token.
     */
    JsonNode read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT || this == WHOLE) {
            return tree(parser);
        }
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            JsonShape shape = eachEntry != null ? eachEntry : fields.get(name);
            if (shape == null) {
                parser.skipChildren();
            } else {
                object.set(name, shape.read(parser));
            }
        }
        return object;
    }

    /** The whole value the parser is at, as a tree. */
    static JsonNode tree(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return NODES.missingNode();
        }
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, tree(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE, END_OBJECT, END_ARRAY, FIELD_NAME ->
                    throw new IllegalStateException("no JSON value at token " + token);
        };
    }
}
