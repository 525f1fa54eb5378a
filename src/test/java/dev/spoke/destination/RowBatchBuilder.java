package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link RowBatch}es for destination tests the way the engine does: the payload holds the key columns and the
 * fields (only the key columns for a delete), the row hash is the SHA-256 of the payload, and the idempotency key is
 * derived from (export, key, row hash). Values may be anything Jackson maps; a {@link BigDecimal} keeps its scale.
 */
public final class RowBatchBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExportDescriptor export;
    private final List<OutgoingRow> rows = new ArrayList<>();

    private RowBatchBuilder(ExportDescriptor export) {
        this.export = requireNonNull(export, "export is null");
    }

    public static RowBatchBuilder forExport(ExportDescriptor export) {
        return new RowBatchBuilder(export);
    }

    /** An export of model {@code model} to connection {@code connection}, id {@code <model>__<connection>}. */
    public static ExportDescriptor export(String model, String connection, SyncMode mode, String... keyColumns) {
        return new ExportDescriptor(model + "__" + connection, model, "model.shop." + model, connection, mode,
                List.of(keyColumns));
    }

    public RowBatchBuilder insert(String key, Map<String, ?> fields) {
        return add(RowOperation.INSERT, RowKey.of(key), fields);
    }

    public RowBatchBuilder update(String key, Map<String, ?> fields) {
        return add(RowOperation.UPDATE, RowKey.of(key), fields);
    }

    public RowBatchBuilder delete(String key) {
        return add(RowOperation.DELETE, RowKey.of(key), Map.of());
    }

    /** A row with any key (composite keys: one part per key column), its values text. Deletes carry only the key columns. */
    public RowBatchBuilder add(RowOperation operation, RowKey key, Map<String, ?> fields) {
        return add(operation, key, key.parts(), fields);
    }

    /**
     * A row whose key values have the types a model gives them, the engine's way: {@code key} maps each key column, in
     * key order, to its value ({@code 42L}, {@code "x"}, a {@link BigDecimal}, ...); the row's identity is their text.
     */
    public RowBatchBuilder typed(RowOperation operation, Map<String, ?> key, Map<String, ?> fields) {
        List<Object> values = new ArrayList<>(key.values());
        RowKey rowKey = new RowKey(values.stream()
                .map(value -> value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value))
                .toList());
        return add(operation, rowKey, values, fields);
    }

    private RowBatchBuilder add(RowOperation operation, RowKey key, List<?> keyValues, Map<String, ?> fields) {
        if (key.parts().size() != export.keyColumns().size()) {
            throw new IllegalArgumentException("key " + key + " does not match key columns " + export.keyColumns());
        }
        List<JsonNode> keyNodes = keyValues.stream().map(RowBatchBuilder::node).toList();
        ObjectNode payload = JSON.createObjectNode();
        for (int i = 0; i < keyNodes.size(); i++) {
            payload.set(export.keyColumns().get(i), keyNodes.get(i));
        }
        if (operation != RowOperation.DELETE) {
            new LinkedHashMap<>(fields).forEach((name, value) -> payload.set(name, node(value)));
        }
        String rowHash = sha256(payload.toString());
        String idempotencyKey = sha256(export.exportId() + RowKey.SEPARATOR + key.text() + RowKey.SEPARATOR + rowHash);
        rows.add(new OutgoingRow(key, keyNodes, operation, rowHash, idempotencyKey, RowFields.fromTree(payload)));
        return this;
    }

    public RowBatch build() {
        return new RowBatch(export, rows);
    }

    private static JsonNode node(Object value) {
        return value instanceof BigDecimal decimal ? DecimalNode.valueOf(decimal) : JSON.valueToTree(value);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fields in the order given: {@code fields("email", "a@example.com", "plan", "pro")}. */
    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
