package dev.spoke.destinations.webhook;

import static dev.spoke.destination.RowBatchBuilder.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.config.Secret;
import dev.spoke.destination.Destination;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOperation;
import dev.spoke.destination.SyncMode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire: body, headers, signature, ids. */
class WebhookRequestTest {
    private static final ExportDescriptor EXPORT =
            RowBatchBuilder.export("at_risk_customers", "support_webhook", SyncMode.MIRROR, "customer_id");

    private WebhookTestServer fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new WebhookTestServer();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private RecordedRequest send(Destination destination, RowBatch batch) throws Exception {
        fixture.enqueue(200, "");
        destination.write(batch);
        return fixture.take();
    }

    @Test
    void postsTheBatchAsOneJsonMessageKeepingUnicodeAndExactDecimals() throws Exception {
        RowBatch batch = RowBatchBuilder.forExport(EXPORT)
                .insert("42", fields("email", "zoë@example.com", "name", "Zoë 🚀 \"Z\"", "balance",
                        new BigDecimal("12345678901234567890.120"), "tiny", new BigDecimal("1.0E-7")))
                .build();

        RecordedRequest request = send(fixture.create(EXPORT, Map.of()), batch);

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/hooks/spoke");
        assertThat(request.getBody().utf8()).isEqualTo("{\"type\":\"spoke.rows.upsert\",\"timestamp\":\"2026-11-28T09:00:00Z\","
                + "\"data\":{\"export\":\"at_risk_customers__support_webhook\",\"model\":\"at_risk_customers\","
                + "\"mode\":\"mirror\",\"operation\":\"upsert\",\"rows\":[{\"key\":\"42\",\"op\":\"insert\","
                + "\"idempotency_key\":\"" + batch.rows().get(0).idempotencyKey() + "\",\"fields\":{\"customer_id\":\"42\","
                + "\"email\":\"zoë@example.com\",\"name\":\"Zoë 🚀 \\\"Z\\\"\",\"balance\":12345678901234567890.120,"
                + "\"tiny\":0.00000010}}]}}");
        assertThat(request.getBody().toByteArray()).containsSequence("Zoë 🚀".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsStandardWebhooksAndIdempotencyHeaders() throws Exception {
        RecordedRequest request = send(fixture.create(EXPORT, Map.of()),
                RowBatchBuilder.forExport(EXPORT).insert("42", fields("email", "a@example.com")).build());

        String id = request.getHeaders().get("webhook-id");
        assertThat(id).matches("msg_[A-Za-z0-9_-]{43}");
        assertThat(request.getHeaders().get("webhook-timestamp")).isEqualTo(Long.toString(WebhookTestServer.NOW.getEpochSecond()));
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("\"" + id + "\"");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo(WebhookTestServer.USER_AGENT);
        assertThat(request.getHeaders().get("webhook-signature")).isNull();
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void signsTheExactBytesSent() throws Exception {
        Destination destination = fixture.create(EXPORT,
                Map.of("signing_secret", Secret.of(WebhookSignerTest.SW_SECRET, "env_var('HOOK_SECRET')")));
        fixture.clock.advance(Duration.ofSeconds(17));

        RecordedRequest request = send(destination,
                RowBatchBuilder.forExport(EXPORT).insert("42", fields("name", "Zoë")).build());

        String id = request.getHeaders().get("webhook-id");
        String timestamp = request.getHeaders().get("webhook-timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(WebhookTestServer.NOW.getEpochSecond() + 17));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(request.getBody().toByteArray());
        assertThat(request.getHeaders().get("webhook-signature"))
                .isEqualTo("v1," + Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void keepsTheIdAndBodyAcrossRetriesAndChangesOnlyTheAttemptTimestamp() throws Exception {
        Destination destination = fixture.create(EXPORT, Map.of());
        RowBatch batch = RowBatchBuilder.forExport(EXPORT)
                .insert("1", fields("email", "a@example.com")).update("2", fields("email", "b@example.com")).build();

        RecordedRequest first = send(destination, batch);
        fixture.clock.advance(Duration.ofMinutes(3));
        RecordedRequest retry = send(destination, batch);

        assertThat(retry.getHeaders().get("webhook-id")).isEqualTo(first.getHeaders().get("webhook-id"));
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(Long.parseLong(retry.getHeaders().get("webhook-timestamp")))
                .isEqualTo(Long.parseLong(first.getHeaders().get("webhook-timestamp")) + 180);
    }

    @Test
    void givesTheSameRowsTheSameIdInALaterRunAndOtherRowsAnotherId() throws Exception {
        RowBatch batch = RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "a@example.com")).build();
        String id = send(fixture.create(EXPORT, Map.of()), batch).getHeaders().get("webhook-id");
        fixture.clock.advance(Duration.ofDays(1));
        Destination nextRun = fixture.create(EXPORT, Map.of());

        assertThat(send(nextRun, batch).getHeaders().get("webhook-id")).isEqualTo(id);
        assertThat(send(nextRun, RowBatchBuilder.forExport(EXPORT).insert("2", fields("email", "a@example.com")).build())
                .getHeaders().get("webhook-id")).isNotEqualTo(id);
        assertThat(send(nextRun, RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "new@example.com")).build())
                .getHeaders().get("webhook-id")).isNotEqualTo(id);
    }

    @Test
    void sendsDeletesAsTheirOwnEventType() throws Exception {
        RowBatch batch = RowBatchBuilder.forExport(EXPORT).delete("7").build();

        RecordedRequest request = send(fixture.create(EXPORT, Map.of()), batch);

        assertThat(request.getBody().utf8()).isEqualTo("{\"type\":\"spoke.rows.delete\",\"timestamp\":\"2026-11-28T09:00:00Z\","
                + "\"data\":{\"export\":\"at_risk_customers__support_webhook\",\"model\":\"at_risk_customers\","
                + "\"mode\":\"mirror\",\"operation\":\"delete\",\"rows\":[{\"key\":\"7\",\"op\":\"delete\","
                + "\"idempotency_key\":\"" + batch.rows().get(0).idempotencyKey() + "\",\"fields\":{\"customer_id\":\"7\"}}]}}");
    }

    @Test
    void writesACompositeKeyAsAnObjectOfItsTypedValues() throws Exception {
        ExportDescriptor export = RowBatchBuilder.export("orders", "hook", SyncMode.UPSERT, "tenant", "order_id");
        RowBatch batch = RowBatchBuilder.forExport(export)
                .typed(RowOperation.UPDATE, fields("tenant", "acme", "order_id", 1001L), fields("total", 12)).build();

        RecordedRequest request = send(fixture.create(export, Map.of()), batch);

        assertThat(request.getBody().utf8()).contains("\"rows\":[{\"key\":{\"tenant\":\"acme\",\"order_id\":1001},"
                + "\"op\":\"update\"");
    }

    @Test
    void aDeleteCarriesItsKeyWithTheKeyColumnsTypeInKeyAndFields() throws Exception {
        ExportDescriptor export = RowBatchBuilder.export("accounts", "hook", SyncMode.MIRROR, "id", "balance");
        RowBatch batch = RowBatchBuilder.forExport(export)
                .typed(RowOperation.DELETE, fields("id", 9_007_199_254_740_993L, "balance", new BigDecimal("10.50")),
                        fields()).build();

        RecordedRequest request = send(fixture.create(export, Map.of()), batch);

        assertThat(request.getBody().utf8()).contains("\"rows\":[{\"key\":{\"id\":9007199254740993,"
                + "\"balance\":10.50},\"op\":\"delete\"").contains(
                "\"fields\":{\"id\":9007199254740993,\"balance\":10.50}}]");
    }

    @Test
    void namesEventsWithThePrefixAndTheExportsEventType() throws Exception {
        Destination destination = fixture.create(EXPORT, Map.of("event_type_prefix", "acme.crm"),
                Map.of("event_type", "at_risk"));

        RecordedRequest request = send(destination, RowBatchBuilder.forExport(EXPORT).insert("1", fields()).build());

        assertThat(request.getBody().utf8()).startsWith("{\"type\":\"acme.crm.at_risk.upsert\",");
    }

    @Test
    void sendsABearerTokenAndCustomHeaders() throws Exception {
        Destination destination = fixture.create(EXPORT, Map.of(
                "bearer_token", Secret.of("tok-123", "env_var('HOOK_TOKEN')"),
                "headers", Map.of("X-Team", "growth", "X-Api-Key", Secret.of("key-456", "env_var('HOOK_KEY')"),
                        "User-Agent", "acme-relay/2")));

        RecordedRequest request = send(destination, RowBatchBuilder.forExport(EXPORT).insert("1", fields()).build());

        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(request.getHeaders().get("X-Team")).isEqualTo("growth");
        assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo("key-456");
        assertThat(request.getHeaders().values("User-Agent")).containsExactly("acme-relay/2");
        assertThat(destination.toString()).doesNotContain("tok-123").doesNotContain("key-456");
    }

    @Test
    void sendsBasicCredentials() throws Exception {
        Destination destination = fixture.create(EXPORT, Map.of(
                "basic_username", "spoke", "basic_password", Secret.of("pässword", "env_var('HOOK_PASSWORD')")));

        RecordedRequest request = send(destination, RowBatchBuilder.forExport(EXPORT).insert("1", fields()).build());

        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("spoke:pässword".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void usesTheBatchSizeOfTheExportThenTheConnection() {
        assertThat(fixture.create(EXPORT, Map.of()).maxBatchSize()).isEqualTo(100);
        assertThat(fixture.create(EXPORT, Map.of("batch_size", 250)).maxBatchSize()).isEqualTo(250);
        assertThat(fixture.create(EXPORT, Map.of("batch_size", 250), Map.of("batch_size", 7)).maxBatchSize()).isEqualTo(7);
        assertThat(fixture.create(EXPORT, Map.of()).maxConcurrency()).isEqualTo(8);
    }
}
