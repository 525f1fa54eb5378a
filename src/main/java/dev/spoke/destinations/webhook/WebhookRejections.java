package dev.spoke.destinations.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the per-row rejections a receiver may put in a 2xx response:
 *
 * <pre>{"rejected":[{"key":"42","reason":"unknown customer","retryable":false}]}</pre>
 *
 * {@code key} names a row of the batch: as a string (the key value, or for a composite key its parts joined by
 * U+001F as in {@link RowKey#text()}), or, for a composite key, as the object {@code {"column": "value", ...}} the
 * body carried. {@code reason} (text) and {@code retryable} (default false) are optional. Entries that name no row of
 * the batch are ignored; any body without a {@code rejected} array (empty, not JSON, something else) means every row
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
        Set<RowKey> keys = Set.copyOf(batch.keys());
        List<String> keyColumns = batch.export().keyColumns();
        Map<RowKey, RowOutcome> outcomes = new LinkedHashMap<>();
        for (JsonNode entry : rejected) {
            RowKey key = key(entry.path("key"), keyColumns);
            if (key != null && keys.contains(key)) {
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

    private static RowKey key(JsonNode key, List<String> keyColumns) {
        if (key.isValueNode() && !key.isNull()) {
            return RowKey.parse(key.asText());
        }
        if (key.isObject() && !keyColumns.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String column : keyColumns) {
                JsonNode part = key.get(column);
                if (part == null || !part.isValueNode() || part.isNull()) {
                    return null;
                }
                parts.add(part.asText());
            }
            return new RowKey(parts);
        }
        return null;
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
