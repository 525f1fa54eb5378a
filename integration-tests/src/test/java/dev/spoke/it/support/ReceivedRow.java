package dev.spoke.it.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of a message: its key as the JSON text of what the body carried, so its type shows ({@code 42} for a
 * number, {@code "c-1"} with quotes for a string, {@code {"tenant":"acme","order_id":7}} for a composite key), op,
 * idempotency key, fields, the message's webhook-id, and the key as the body carried it.
 */
public record ReceivedRow(
        String key, String op, String idempotencyKey, JsonNode fields, String webhookId, JsonNode keyNode) {
}
