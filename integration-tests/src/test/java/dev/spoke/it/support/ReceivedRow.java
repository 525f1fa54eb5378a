package dev.spoke.it.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of a message: its key as text (a composite key as its JSON object text, e.g.
 * {@code {"tenant":"acme","order_id":"7"}}), op, idempotency key, fields, the message's webhook-id, and the key
 * as the body carried it.
 */
public record ReceivedRow(
        String key, String op, String idempotencyKey, JsonNode fields, String webhookId, JsonNode keyNode) {
}
