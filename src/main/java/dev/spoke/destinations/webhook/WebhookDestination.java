package dev.spoke.destinations.webhook;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.HttpFailures;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.WriteResult;
import java.io.IOException;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs each batch of an export as one JSON message to a URL, Standard Webhooks style.
 *
 * <h2>Body</h2>
 * <pre>{"type":"spoke.rows.upsert","timestamp":"2026-11-28T09:00:00Z","data":{"export":"at_risk_customers__support_webhook",
 * "model":"at_risk_customers","mode":"mirror","operation":"upsert","rows":[{"key":"42","op":"insert",
 * "idempotency_key":"...","fields":{"email":"a@example.com"}}]}}</pre>
 * {@code type} is {@code <event_type_prefix>.<event_type>.<operation>} (default {@code spoke.rows.upsert} or
 * {@code spoke.rows.delete}); {@code operation} is {@code delete} for a batch of deletes (mirror mode) and
 * {@code upsert} otherwise, each row saying {@code insert}, {@code update} or {@code delete} in {@code op};
 * {@code key} is a string for a one-column key and an object {@code {"column": "value"}} for a composite one;
 * {@code fields} is the mapped row. {@code timestamp} is when this destination was opened for the run, so
 * retries within a run send byte-identical bodies.
 *
 * <h2>Headers</h2>
 * {@code Content-Type: application/json}, {@code User-Agent}, {@code webhook-id: msg_<hash>} (stable for a set of
 * row versions, see {@link WebhookMessageId}), {@code webhook-timestamp} (unix seconds of this attempt),
 * {@code webhook-signature: v1,<base64>} when a signing secret is set, {@code Idempotency-Key: "<webhook-id>"},
 * the custom headers and the Authorization header.
 *
 * <h2>Answers</h2>
 * A 2xx delivers every row, except the rows a {@code {"rejected":[...]}} body names ({@link WebhookRejections}).
 * A 409 (the IETF Idempotency-Key answer for "the same key is still being processed") is retryable; every other
 * status goes through {@link HttpFailures#classify}: 429/408/5xx retry after Retry-After, 3xx (never followed),
 * 401/403/404/410 stop the run's deliveries, 400/413/422 and other 4xx refuse the batch so the engine bisects it.
 *
 * <p>Thread-safe: holds only immutable state, and the HTTP client is shared.
 */
public final class WebhookDestination implements Destination {
    static final int MAX_CONCURRENCY = 8;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final long MAX_ERROR_BODY_BYTES = 64L * 1024;

    private final WebhookSettings settings;
    private final DestinationContext context;
    private final WebhookPayload payload;
    private final Instant openedAt;

    WebhookDestination(WebhookSettings settings, DestinationContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.payload = new WebhookPayload(context.json());
        this.openedAt = context.clock().instant();
    }

    @Override
    public WriteResult write(RowBatch batch) throws DestinationException {
        String eventType = settings.eventType(batch.isDelete());
        byte[] body = payload.serialize(eventType, openedAt, batch);
        String messageId = WebhookMessageId.of(eventType, batch.rows());
        Request request = request(messageId, context.clock().instant().getEpochSecond(), body);
        try (Response response = context.http().newCall(request).execute()) {
            if (response.isSuccessful()) {
                String answer = response.body().string();
                return WriteResult.deliveredExcept(batch, WebhookRejections.read(answer, batch, context.json()));
            }
            if (response.code() == 409) {
                throw new DestinationException(DestinationException.Kind.RETRYABLE,
                        "HTTP 409: the receiver is still processing message " + messageId,
                        409, HttpFailures.retryAfter(response.headers(), context.clock()).orElse(null), null);
            }
            String answer = response.peekBody(MAX_ERROR_BODY_BYTES).string();
            throw HttpFailures.classify(response.code(), response.headers(), answer, context.clock());
        } catch (IOException e) {
            throw HttpFailures.ioFailure(e);
        }
    }

    private Request request(String messageId, long timestamp, byte[] body) {
        Headers.Builder headers = settings.fixedHeaders().newBuilder();
        if (settings.fixedHeaders().get("User-Agent") == null) {
            headers.set("User-Agent", context.userAgent());
        }
        headers.set("webhook-id", messageId)
                .set("webhook-timestamp", Long.toString(timestamp))
                .set("Idempotency-Key", "\"" + messageId + "\"");
        settings.signer().ifPresent(signer -> headers.set("webhook-signature", signer.sign(messageId, timestamp, body)));
        return new Request.Builder()
                .url(settings.url())
                .headers(headers.build())
                .post(RequestBody.create(body, JSON))
                .build();
    }

    @Override
    public int maxBatchSize() {
        return settings.batchSize();
    }

    @Override
    public int maxConcurrency() {
        return MAX_CONCURRENCY;
    }

    @Override
    public String toString() {
        return "WebhookDestination[" + settings + "]";
    }
}
