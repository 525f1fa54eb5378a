package dev.spoke.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Converts a JSON or YAML tree into the plain Java values option validation works on: Map, List, String, Long,
 * Double, Boolean. Nulls, and text the caller turns into {@code null}, are left out.
 */
final class JsonValues {
    private JsonValues() {
    }

    /** The value as is: text stays text. */
    static Object toJava(JsonNode node) {
        return toJava(node, "", (text, key) -> text);
    }

    /**
     * @param node the tree
     * @param key the node's key, dotted for nested values ({@code headers.Authorization}, {@code tags[0]})
     * @param text what to make of each text value, given the text and its key; {@code null} leaves it out
     */
    static Object toJava(JsonNode node, String key, BiFunction<String, String, Object> text) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> {
                Object value = toJava(entry.getValue(), key.isEmpty() ? entry.getKey() : key + "." + entry.getKey(),
                        text);
                if (value != null) {
                    map.put(entry.getKey(), value);
                }
            });
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                Object value = toJava(node.get(i), key + "[" + i + "]", text);
                if (value != null) {
                    list.add(value);
                }
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return text.apply(node.asText(), key);
    }
}
