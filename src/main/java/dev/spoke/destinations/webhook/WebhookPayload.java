package dev.spoke.destinations.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destinations.RowJson;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Serializes a batch into the webhook body, once: the bytes returned are the bytes signed and the bytes sent.
 *
 * <pre>{"type":"spoke.rows.upsert","timestamp":"2026-11-28T09:00:00Z","data":{"export":"...","model":"...",
 * "mode":"mirror","operation":"upsert","rows":[{"key":"42","op":"insert","idempotency_key":"...","fields":{...}}]}}</pre>
 */
final class WebhookPayload {
    private final ObjectWriter writer;
    private final JsonNodeFactory nodes;

    WebhookPayload(ObjectMapper json) {
        this.writer = RowJson.compactWriter(json);
        this.nodes = json.getNodeFactory();
    }

    /**
     * @param eventType the {@code type}, e.g. {@code spoke.rows.upsert}
     * @param timestamp when the change was picked up; written in whole seconds, ISO-8601 UTC
     */
    byte[] serialize(String eventType, Instant timestamp, RowBatch batch) {
        ObjectNode data = nodes.objectNode();
        data.put("export", batch.export().exportId());
        data.put("model", batch.export().modelName());
        data.put("mode", batch.export().mode().configName());
        data.put("operation", batch.isDelete() ? "delete" : "upsert");
        ArrayNode rows = data.putArray("rows");
        for (OutgoingRow row : batch.rows()) {
            rows.add(RowJson.row(row, batch.export(), nodes));
        }
        ObjectNode body = nodes.objectNode();
        body.put("type", eventType);
        body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp.truncatedTo(ChronoUnit.SECONDS)));
        body.set("data", data);
        try {
            return writer.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize the webhook body of export "
                    + batch.export().exportId() + ": " + e.getOriginalMessage(), e);
        }
    }
}
