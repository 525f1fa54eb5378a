package dev.spoke.destinations.webhook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destinations.RowJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Serializes a batch into the webhook body, once: the bytes returned are the bytes signed and the bytes sent. Written
 * straight to a generator, row by row, without a tree of the whole body.
 *
 * <pre>{"type":"spoke.rows.upsert","timestamp":"2026-11-28T09:00:00Z","data":{"export":"...","model":"...",
 * "mode":"mirror","operation":"upsert","rows":[{"key":"42","op":"insert","idempotency_key":"...","fields":{...}}]}}</pre>
 */
final class WebhookPayload {
    /** Sizes the body buffer so that a typical row needs no copy while the body grows. */
    private static final int BYTES_PER_ROW_GUESS = 512;

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
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.rows().size() * BYTES_PER_ROW_GUESS);
        try (JsonGenerator generator = writer.createGenerator(body)) {
            generator.writeStartObject();
            generator.writeStringField("type", eventType);
            generator.writeStringField("timestamp",
                    DateTimeFormatter.ISO_INSTANT.format(timestamp.truncatedTo(ChronoUnit.SECONDS)));
            generator.writeObjectFieldStart("data");
            generator.writeStringField("export", batch.export().exportId());
            generator.writeStringField("model", batch.export().modelName());
            generator.writeStringField("mode", batch.export().mode().configName());
            generator.writeStringField("operation", batch.isDelete() ? "delete" : "upsert");
            generator.writeArrayFieldStart("rows");
            for (OutgoingRow row : batch.rows()) {
                RowJson.write(generator, row, batch.export(), nodes);
            }
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("could not serialize the webhook body of export "
                    + batch.export().exportId() + ": " + e.getMessage(), e);
        }
        return body.toByteArray();
    }
}
