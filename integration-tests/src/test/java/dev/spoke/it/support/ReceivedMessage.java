package dev.spoke.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;

/** One message as received, with the answer the receiver gave (status 0 while unanswered). */
public final class ReceivedMessage {
    private final String webhookId;
    private final String idempotencyKeyHeader;
    private final JsonNode body;
    private final long bytes;
    private final List<ReceivedRow> rows;
    private volatile int status;
    private volatile Set<String> rejectedKeys = Set.of();

    private ReceivedMessage(String webhookId, String idempotencyKeyHeader, JsonNode body, long bytes) {
        this.webhookId = webhookId;
        this.bytes = bytes;
        this.idempotencyKeyHeader = idempotencyKeyHeader;
        this.body = body;
        List<ReceivedRow> parsed = new ArrayList<>();
        for (JsonNode row : body.path("data").path("rows")) {
            JsonNode key = row.path("key");
            parsed.add(new ReceivedRow(key.toString(), row.path("op").asText(),
                    row.path("idempotency_key").asText(), row.path("fields"), webhookId, key));
        }
        this.rows = Collections.unmodifiableList(parsed);
    }

    static ReceivedMessage of(RecordedRequest request) {
        try {
            JsonNode body = CanonicalJson.EXACT.readTree(request.getBody() == null ? "" : request.getBody().utf8());
            return new ReceivedMessage(request.getHeaders().get("webhook-id"),
                    request.getHeaders().get("Idempotency-Key"), body, request.getBodySize());
        } catch (IOException e) {
            throw new UncheckedIOException("the webhook body is not JSON", e);
        }
    }

    void answer(int code, Set<String> rejected) {
        this.rejectedKeys = rejected;
        this.status = code;
    }

    /** The {@code webhook-id} header. */
    public String webhookId() {
        return webhookId;
    }

    /** The {@code Idempotency-Key} header. */
    public String idempotencyKeyHeader() {
        return idempotencyKeyHeader;
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

    /** The size of the body in bytes. */
    public long bytes() {
        return bytes;
    }

    /** {@code data.rows}, in order. */
    public List<ReceivedRow> rows() {
        return rows;
    }

    /** The status the receiver answered, 0 while it has not. */
    public int status() {
        return status;
    }

    /** The keys the receiver rejected in its answer. */
    public Set<String> rejectedKeys() {
        return rejectedKeys;
    }
}
