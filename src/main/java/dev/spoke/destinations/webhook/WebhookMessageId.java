package dev.spoke.destinations.webhook;

import dev.spoke.destination.OutgoingRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Derives the {@code webhook-id} (also sent as {@code Idempotency-Key}) of a batch: {@code msg_} followed by the
 * unpadded base64url SHA-256 of the event type and the rows' idempotency keys, sorted. The same set of row versions
 * sent as the same event type gets the same id on every retry, in this run or a later one, so a receiver can drop
 * the repeat; a different set (another row, a changed row, a half of a bisected batch) gets a different id. The id
 * never contains a {@code .}, as Standard Webhooks requires.
 */
final class WebhookMessageId {
    static final String PREFIX = "msg_";

    private WebhookMessageId() {
    }

    static String of(String eventType, List<OutgoingRow> rows) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        sha256.update(eventType.getBytes(StandardCharsets.UTF_8));
        rows.stream().map(OutgoingRow::idempotencyKey).sorted().forEach(key -> {
            sha256.update((byte) '\n');
            sha256.update(key.getBytes(StandardCharsets.UTF_8));
        });
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
    }
}
