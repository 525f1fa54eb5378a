package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.config.FieldMapping;
import dev.spoke.destination.FieldLayout;
import dev.spoke.destination.RowFields;
import dev.spoke.destination.RowKey;
import dev.spoke.warehouse.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Turns a row of sent columns into the payload a destination receives: every column under its own name (no
 * mapping), or only the mapped columns under their destination field names, dotted names nesting
 * ({@code merge_fields.FNAME}); and gives each row's key values as typed JSON ({@link KeyValues}), for upserts and
 * deletes alike. Built once per export: the mapping is compiled into a {@link FieldLayout}, and {@link #map},
 * called per row, allocates only the row's array of values.
 */
public final class PayloadMapper {
    private final List<Target> targets;
    private final List<List<String>> keyPaths;
    private final KeyValues keyValues;
    private final FieldLayout layout;
    private final FieldLayout keyLayout;
    private final String fingerprint;

    /**
     * @param columns the sent columns as the warehouse names them, in the change set's order
     * @param mapping the export's mapping; its columns are among {@code columns}
     * @param keyColumns the key columns as the warehouse names them
     * @param keyTypes the key columns' types, in key order
     */
    public PayloadMapper(List<String> columns, FieldMapping mapping, List<String> keyColumns, List<KeyType> keyTypes) {
        requireNonNull(columns, "columns is null");
        requireNonNull(mapping, "mapping is null");
        this.targets = new ArrayList<>();
        StringBuilder description = new StringBuilder("spoke-mapping-v1");
        if (mapping.isIdentity()) {
            for (int i = 0; i < columns.size(); i++) {
                targets.add(new Target(List.of(columns.get(i)), i));
                description.append('|').append(columns.get(i));
            }
        } else {
            for (FieldMapping.Field field : mapping.fields()) {
                int index = indexOf(columns, field.column());
                targets.add(new Target(field.path(), index));
                description.append('|').append(field.destinationField()).append('=').append(columns.get(index));
            }
        }
        this.keyPaths = new ArrayList<>();
        for (String keyColumn : keyColumns) {
            keyPaths.add(mapping.fields().stream()
                    .filter(f -> f.column().equalsIgnoreCase(keyColumn))
                    .findFirst()
                    .map(FieldMapping.Field::path)
                    .orElse(List.of(keyColumn)));
        }
        this.keyValues = new KeyValues(columns, keyColumns, keyTypes);
        this.layout = FieldLayout.ofPaths(targets.stream().map(Target::path).toList());
        this.keyLayout = FieldLayout.ofPaths(keyPaths);
        this.fingerprint = md5(description.toString());
    }

    /**
     * A fingerprint of what the payload is made of (field names and columns): folded into every row hash, so a
     * mapping change resends every row and nothing else does.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The fields of one row: one array of the mapped columns' values, laid out by the export's layout. */
    public RowFields map(IntFunction<?> valueOfColumn) {
        Object[] values = new Object[targets.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = valueOfColumn.apply(targets.get(i).columnIndex);
        }
        return RowFields.of(layout, values);
    }

    /** Where each mapped value goes, compiled once for the export. */
    public FieldLayout layout() {
        return layout;
    }

    /** The typed key values of a row read from the model (see {@link KeyValues#ofRow}). */
    public List<JsonNode> keyValues(RowKey key, IntFunction<JsonNode> valueOfColumn) {
        return keyValues.ofRow(key, valueOfColumn);
    }

    /** The typed key values of a key the state store kept, for a delete (see {@link KeyValues#ofStoredKey}). */
    public List<JsonNode> storedKeyValues(RowKey key) {
        return keyValues.ofStoredKey(key);
    }

    /** The fields of a delete: only the key fields, under their destination names, with their typed values. */
    public RowFields keyPayload(List<JsonNode> keyValues) {
        if (keyValues.size() != keyPaths.size()) {
            throw new IllegalArgumentException("the export has " + keyPaths.size() + " key columns but the key "
                    + keyValues.size() + " values");
        }
        return RowFields.of(keyLayout, keyValues.toArray());
    }

    private static int indexOf(List<String> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equals(column)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("mapped column " + column + " is not among the sent columns " + columns);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private record Target(List<String> path, int columnIndex) {
    }
}
