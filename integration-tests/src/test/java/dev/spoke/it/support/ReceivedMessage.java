package dev.spoke.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;

/** One message as received, with the answer the receiver gave (status 0 while unanswered). */
public final class ReceivedMessage {
    private final String webhookId;
    private final String idempotencyKeyHeader;
    private final boolean signed;
    private final JsonNode body;
    private final long bytes;
    private final List<ReceivedRow> rows;
    private volatile int status;
    private volatile Set<String> rejectedKeys = Set.of();

    private ReceivedMessage(String webhookId, String idempotencyKeyHeader, boolean signed, JsonNode body, long bytes) {
        this.webhookId = webhookId;
        this.bytes = bytes;
        this.idempotencyKeyHeader = idempotencyKeyHeader;
        this.signed = signed;
        this.body = body;
        List<ReceivedRow> parsed = new ArrayList<>();
        for (JsonNode row : body.path("data").path("rows")) {
            JsonNode key = row.path("key");
            parsed.add(new ReceivedRow(key.isTextual() ? key.asText() : key.toString(), row.path("op").asText(),
                    row.path("idempotency_key").asText(), row.path("fields"), webhookId, key));
        }
        this.rows = Collections.unmodifiableList(parsed);
    }

    static ReceivedMessage of(RecordedRequest request) {
        try {
            JsonNode body = CanonicalJson.EXACT.readTree(request.getBody() == null ? "" : request.getBody().utf8());
            return new ReceivedMessage(request.getHeaders().get("webhook-id"), request.getHeaders().get("Idempotency-Key"),
                    request.getHeaders().get("webhook-signature") != null, body, request.getBodySize());
        } catch (IOException e) {
            throw new UncheckedIOException("the webhook body is not JSON", e);
        }
    }

    void answer(int code, Set<String> rejected) {
        this.rejectedKeys = rejected;
        this.status = code;
    }

    public String webhookId() {
        return webhookId;
    }

    public String idempotencyKeyHeader() {
        return idempotencyKeyHeader;
    }

    public boolean signed() {
        return signed;
    }

    /** The event type, e.g. {@code spoke.rows.upsert}. */
    public String type() {
        return body.path("type").asText();
    }

    /** {@code data.mode}, the export's sync mode. */
    public String mode() {
        return body.path("data").path("mode").asText();
    }

    /** {@code data.operation}: {@code upsert} or {@code delete}. */
    public String operation() {
        return body.path("data").path("operation").asText();
    }

    public String export() {
        return body.path("data").path("export").asText();
    }

    public JsonNode body() {
        return body;
    }

    /** The size of the body in bytes. */
    public long bytes() {
        return bytes;
    }

    public List<ReceivedRow> rows() {
        return rows;
    }

    public int status() {
        return status;
    }

    public Set<String> rejectedKeys() {
        return rejectedKeys;
    }

    /** Waits until the receiver answered this message. */
    public boolean awaitAnswer(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        while (status == 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return status != 0;
    }
}
