package dev.spoke.destinations.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.JsonScalars;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destinations.RowJson;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row as CSV cells, by column name: {@code _op} ({@code insert | update | delete}), {@code _key} (the key value
 * written as a field of its type is, or for a composite key the JSON object of its typed values), then the fields, nested objects flattened with dots
 * ({@code merge_fields.FNAME}). A null is an empty cell, a decimal is written in plain notation with its scale, an
 * array or an empty object is written as JSON text.
 */
final class CsvCells {
    static final String OP = "_op";
    static final String KEY = "_key";

    private CsvCells() {
    }

    /** @throws IllegalArgumentException when two fields flatten to the same column name */
    static Map<String, String> of(OutgoingRow row, ExportDescriptor export, ObjectWriter json, JsonNodeFactory nodes) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(OP, RowJson.operation(row.operation()));
        cells.put(KEY, text(RowJson.key(row, export.keyColumns(), nodes), json));
        for (Map.Entry<String, Object> field : row.fields().flatten().entrySet()) {
            add(field.getKey(), JsonScalars.toNode(field.getValue()), cells, json);
        }
        return cells;
    }

    /** A cell per leaf: a non-empty object is flattened into dotted columns. */
    private static void add(String column, JsonNode value, Map<String, String> cells, ObjectWriter json) {
        if (value.isObject() && !value.isEmpty()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                add(column + "." + member.getKey(), member.getValue(), cells, json);
            }
        } else if (cells.putIfAbsent(column, text(value, json)) != null) {
            throw new IllegalArgumentException("field '" + column + "' names the same CSV column as another field"
                    + " (a nested field flattened with dots, or a field named _op or _key);"
                    + " rename one of them in the export's mapping");
        }
    }

    private static String text(JsonNode value, ObjectWriter json) {
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return toJson(value, json);
    }

    private static String toJson(JsonNode value, ObjectWriter json) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
