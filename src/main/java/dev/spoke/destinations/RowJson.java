package dev.spoke.destinations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowOperation;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of one outgoing row, shared by the destinations that write rows as JSON (the webhook body and the
 * file destination's JSON Lines), so a receiver sees the same row shape from either:
 *
 * <pre>{"key":42,"op":"insert","idempotency_key":"...","fields":{...}}</pre>
 *
 * {@code key} is the key value when the export has one key column, and an object {@code {"column": value, ...}} (in
 * key order) when it has several. Key values carry the model's types ({@link OutgoingRow#keyValues()}): {@code 42}
 * for a bigint, {@code "42"} for a text column, {@code 10.50} for a numeric(10,2), {@code "2024-01-31"} for a date;
 * a delete carries them exactly as the upserts of the same row did. {@code op} is {@code insert}, {@code update} or
 * {@code delete}. {@code fields} is the mapped payload as the engine built it (for a delete, only the key fields,
 * typed the same way).
 */
public final class RowJson {
    private RowJson() {
    }

    /**
     * Writes the row as a JSON object (key, op, idempotency_key, fields, in that order) to a generator made by
     * {@link #compactWriter}, without building a tree of it first: the engine's payload is written as it is.
     */
    public static void write(JsonGenerator generator, OutgoingRow row, ExportDescriptor export, JsonNodeFactory nodes)
            throws IOException {
        requireNonNull(row, "row is null");
        generator.writeStartObject();
        generator.writeFieldName("key");
        generator.writeTree(key(row, export.keyColumns(), nodes));
        generator.writeStringField("op", operation(row.operation()));
        generator.writeStringField("idempotency_key", row.idempotencyKey());
        generator.writeFieldName("fields");
        row.fields().writeObject(generator);
        generator.writeEndObject();
    }

    /**
     * The key as JSON: the typed value of a one-column key, an object of key column to typed value for a composite
     * key.
     *
     * @throws IllegalArgumentException when a composite key's values do not match the export's key columns
     */
    public static JsonNode key(OutgoingRow row, List<String> keyColumns, JsonNodeFactory nodes) {
        List<JsonNode> values = row.keyValues();
        if (values.size() == 1) {
            return values.get(0);
        }
        if (values.size() != keyColumns.size()) {
            throw new IllegalArgumentException("row key " + row.key() + " has " + values.size()
                    + " parts but the export's key columns are " + keyColumns);
        }
        ObjectNode node = nodes.objectNode();
        for (int i = 0; i < keyColumns.size(); i++) {
            node.set(keyColumns.get(i), values.get(i));
        }
        return node;
    }

    /** {@code insert}, {@code update} or {@code delete}. */
    public static String operation(RowOperation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A writer that puts a value on one line whatever the engine's mapper is configured to do, writes decimals in
     * plain notation ({@code 0.00000010}, never {@code 1.0E-7}) with their scale kept, and writes characters outside
     * the Basic Multilingual Plane (emoji) as UTF-8 rather than as {@code \uD83D\uDE80} escape pairs.
     */
    public static ObjectWriter compactWriter(ObjectMapper json) {
        return json.writer()
                .without(SerializationFeature.INDENT_OUTPUT)
                .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }
}
