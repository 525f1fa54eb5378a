package dev.spoke.destinations.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the per-row rejections a receiver may put in a 2xx response:
 *
 * <pre>{"rejected":[{"key":42,"reason":"unknown customer","retryable":false}]}</pre>
 *
 * {@code key} names a row of the batch as the body carried it: its typed value ({@code 42}), or for a composite key
 * the object {@code {"column": value, ...}}. Numbers match by value ({@code 10.5} names the row sent as
 * {@code 10.50}, as a receiver that parses JSON numbers into doubles echoes it), and a string names a row by the
 * text of its key too ({@code "42"}, or for a composite key its parts joined by U+001F as in {@link RowKey#text()}).
 * {@code reason} (text) and {@code retryable} (default false) are optional. Entries that name no row of the batch
 * are ignored; any body without a {@code rejected} array (empty, not JSON, something else) means every row
 * was delivered.
 */
final class WebhookRejections {
    private static final int MAX_REASON_LENGTH = 500;
    private static final String NO_REASON = "rejected by the webhook receiver (no reason given)";

    private WebhookRejections() {
    }

    /** The rejected rows of {@code batch} named in {@code body}, by key; empty when none. */
    static Map<RowKey, RowOutcome> read(String body, RowBatch batch, ObjectMapper json) {
        JsonNode rejected = parse(body, json).path("rejected");
        if (!rejected.isArray()) {
            return Map.of();
        }
        Map<String, RowKey> byText = new HashMap<>();
        Map<String, RowKey> byValue = new HashMap<>();
        for (OutgoingRow row : batch.rows()) {
            byText.put(row.key().text(), row.key());
            byValue.putIfAbsent(valueText(row.keyValues()), row.key());
        }
        List<String> keyColumns = batch.export().keyColumns();
        Map<RowKey, RowOutcome> outcomes = new LinkedHashMap<>();
        for (JsonNode entry : rejected) {
            JsonNode named = entry.path("key");
            RowKey key = named.isTextual() && byText.containsKey(named.textValue()) ? byText.get(named.textValue())
                    : byValue.get(valueText(named, keyColumns));
            if (key != null) {
                outcomes.put(key, outcome(entry));
            }
        }
        return outcomes;
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException notJson) {
            return json.missingNode();
        }
    }

    /** The key values an entry names, as {@link #valueText(List)} writes them; {@code null} when it names none. */
    private static String valueText(JsonNode key, List<String> keyColumns) {
        if (key.isValueNode() && !key.isNull()) {
            return valueText(List.of(key));
        }
        if (!key.isObject() || keyColumns.isEmpty()) {
            return null;
        }
        List<JsonNode> parts = new ArrayList<>();
        for (String column : keyColumns) {
            JsonNode part = key.get(column);
            if (part == null || !part.isValueNode() || part.isNull()) {
                return null;
            }
            parts.add(part);
        }
        return valueText(parts);
    }

    /** Key values as one text that is the same for equal values: numbers without trailing zeros, as plain text. */
    private static String valueText(List<JsonNode> values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            text.append(i == 0 ? "" : String.valueOf(RowKey.SEPARATOR)).append(value.isNumber()
                    ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText());
        }
        return text.toString();
    }

    private static RowOutcome outcome(JsonNode entry) {
        JsonNode reasonNode = entry.path("reason");
        String reason = reasonNode.isValueNode() && !reasonNode.asText().isBlank() ? reasonNode.asText().strip() : NO_REASON;
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH) + "...";
        }
        return entry.path("retryable").asBoolean(false) ? RowOutcome.retryable(reason) : RowOutcome.rejected(reason);
    }
}
