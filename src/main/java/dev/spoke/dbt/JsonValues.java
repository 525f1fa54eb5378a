package dev.spoke.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Lenient reads of values from JSON trees, as dbt's artifacts write them differently from version to version. */
final class JsonValues {
    private JsonValues() {}

    /** A string, or a list of strings, as a list; null and missing as an empty list. */
    static List<String> strings(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value.asText());
        }
        List<String> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isNull()) {
                items.add(item.asText());
            }
        }
        return items;
    }

    /** A scalar field as text (a number as its digits); null when missing, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
