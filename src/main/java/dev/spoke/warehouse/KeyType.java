package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * The type of a key column, as far as its key values go: how the key text the warehouse computes for a value of it
 * ({@link Dialect#castToText}, the form the state store keeps) reads back as the JSON value {@link RowStream#json}
 * gives for the same value. So a delete, which only has the stored text, names its row with exactly the JSON the
 * upsert carried: {@code 201} as a number, {@code 10.50} with its scale, {@code true} as a boolean, a timestamptz as
 * {@code 2024-01-31T13:45:00Z}. Chosen once per key column with {@link Dialect#keyType}.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyType {
    /** The JSON that keys of a type travel as; two types of one form read every key text alike. */
    public enum Form {
        INTEGER("integers"),
        DECIMAL("decimal numbers"),
        FLOAT("floating-point numbers"),
        BOOLEAN("booleans"),
        TEXT("strings"),
        DATE("date strings"),
        TIME("time strings"),
        TIME_WITH_ZONE("time strings with offset"),
        TIMESTAMP("timestamp strings"),
        TIMESTAMP_WITH_ZONE("UTC timestamp strings"),
        JSON("JSON documents"),
        BINARY("base64 strings");

        private final String description;

        Form(String description) {
            this.description = description;
        }

        /** For messages: {@code integers}, {@code strings}, ... */
        public String description() {
            return description;
        }
    }

    private final String typeName;
    private final Form form;
    private final Function<String, JsonNode> reader;

    KeyType(String typeName, Form form, Function<String, JsonNode> reader) {
        this.typeName = requireNonNull(typeName, "typeName is null");
        this.form = requireNonNull(form, "form is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    /** The database's type name, as {@link WarehouseColumn#typeName()} reports it: {@code int8}, {@code DECIMAL(10,2)}. */
    public String typeName() {
        return typeName;
    }

    public Form form() {
        return form;
    }

    /**
     * The JSON value of one key part.
     *
     * @throws IllegalArgumentException when the text is not the text form of a value of this type
     */
    public JsonNode read(String keyText) {
        requireNonNull(keyText, "keyText is null");
        try {
            return reader.apply(keyText);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + keyText + "' is not the text of a " + typeName + " value", e);
        }
    }

    /**
     * Whether this type reads every key text of {@code earlier} as the JSON {@code earlier} reads it: the same form
     * ({@code int4} then {@code int8}, {@code varchar} then {@code text}), or integers then decimals. When it does, a
     * key delivered as {@code earlier} is still named the same way.
     */
    public boolean readsKeysOf(KeyType earlier) {
        return form == earlier.form || (earlier.form == Form.INTEGER && form == Form.DECIMAL);
    }

    /** For messages: {@code int8 (keys as integers)}. */
    @Override
    public String toString() {
        return typeName + " (keys as " + form.description() + ")";
    }
}
