package dev.spoke.destinations.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.DestinationException.Kind;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOperation;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.SyncMode;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How answers become outcomes and failures. */
class WebhookResponseTest {
    private static final ExportDescriptor EXPORT =
            RowBatchBuilder.export("at_risk_customers", "support_webhook", SyncMode.UPSERT, "customer_id");
    private static final RowBatch BATCH = RowBatchBuilder.forExport(EXPORT)
            .insert("41", Map.of("email", "a@example.com"))
            .insert("42", Map.of("email", "not-an-email"))
            .insert("43", Map.of("email", "c@example.com"))
            .build();

    private WebhookTestServer fixture;
    private Destination destination;

    @BeforeEach
    void start() throws Exception {
        fixture = new WebhookTestServer();
        destination = fixture.create(EXPORT, Map.of());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private DestinationException failure(int code, String body, String... headers) {
        fixture.enqueue(code, body, headers);
        return catchThrowableOfType(DestinationException.class, () -> destination.write(BATCH));
    }

    @Test
    void deliversEveryRowOnA2xxWhateverItsBody() throws Exception {
        for (String body : new String[] {"", "ok", "{\"received\":3}", "{\"rejected\":\"none\"}", "[1,2]"}) {
            fixture.enqueue(202, body);
            assertThat(destination.write(BATCH)).as("body %s", body).isEqualTo(WriteResult.allDelivered(BATCH));
        }
    }

    @Test
    void rejectsOnlyTheRowsA2xxBodyNames() throws Exception {
        fixture.enqueue(200, "{\"rejected\":[{\"key\":\"42\",\"reason\":\"invalid email\",\"retryable\":false},"
                + "{\"key\":43,\"reason\":\"locked, try later\",\"retryable\":true},"
                + "{\"key\":\"99\",\"reason\":\"not in this batch\"}]}");

        WriteResult result = destination.write(BATCH);

        assertThat(result.outcomes()).containsExactly(
                Map.entry(RowKey.of("41"), RowOutcome.delivered()),
                Map.entry(RowKey.of("42"), RowOutcome.rejected("invalid email")),
                Map.entry(RowKey.of("43"), RowOutcome.retryable("locked, try later")));
    }

    @Test
    void matchesRejectedCompositeKeysByObjectOrText() throws Exception {
        ExportDescriptor export = RowBatchBuilder.export("orders", "hook", SyncMode.UPSERT, "tenant", "order_id");
        RowBatch batch = RowBatchBuilder.forExport(export)
                .add(RowOperation.INSERT, RowKey.of("acme", "1"), Map.of())
                .add(RowOperation.INSERT, RowKey.of("acme", "2"), Map.of())
                .add(RowOperation.INSERT, RowKey.of("globex", "1"), Map.of())
                .build();
        fixture.enqueue(200, "{\"rejected\":[{\"key\":{\"order_id\":\"2\",\"tenant\":\"acme\"},\"reason\":\"closed\"},"
                + "{\"key\":\"globex\\u001f1\"}]}");

        WriteResult result = fixture.create(export, Map.of()).write(batch);

        assertThat(result.outcomes()).containsExactly(
                Map.entry(RowKey.of("acme", "1"), RowOutcome.delivered()),
                Map.entry(RowKey.of("acme", "2"), RowOutcome.rejected("closed")),
                Map.entry(RowKey.of("globex", "1"), RowOutcome.rejected("rejected by the webhook receiver (no reason given)")));
    }

    @Test
    void matchesRejectedTypedKeysByValueWhetherEchoedAsNumbersOrAsText() throws Exception {
        ExportDescriptor export = RowBatchBuilder.export("accounts", "hook", SyncMode.UPSERT, "id");
        RowBatch batch = RowBatchBuilder.forExport(export)
                .typed(RowOperation.INSERT, Map.of("id", 201L), Map.of())
                .typed(RowOperation.INSERT, Map.of("id", 202L), Map.of())
                .typed(RowOperation.INSERT, Map.of("id", new java.math.BigDecimal("10.50")), Map.of())
                .typed(RowOperation.INSERT, Map.of("id", 203L), Map.of())
                .build();
        fixture.enqueue(200, "{\"rejected\":[{\"key\":201,\"reason\":\"a\"},{\"key\":\"202\",\"reason\":\"b\"},"
                + "{\"key\":10.5,\"reason\":\"c\"},{\"key\":204,\"reason\":\"not in this batch\"}]}");

        WriteResult result = fixture.create(export, Map.of()).write(batch);

        assertThat(result.outcomes()).containsExactly(
                Map.entry(RowKey.of("201"), RowOutcome.rejected("a")),
                Map.entry(RowKey.of("202"), RowOutcome.rejected("b")),
                Map.entry(RowKey.of("10.50"), RowOutcome.rejected("c")),
                Map.entry(RowKey.of("203"), RowOutcome.delivered()));
    }

    @Test
    void neverFollowsARedirect() {
        fixture.enqueue(301, "", "Location", fixture.server.url("/moved").toString());
        fixture.enqueue(200, "");

        DestinationException failure = catchThrowableOfType(DestinationException.class, () -> destination.write(BATCH));

        assertThat(failure.kind()).isEqualTo(Kind.FATAL);
        assertThat(failure.httpStatus()).isEqualTo(301);
        assertThat(failure).hasMessageContaining("redirect to " + fixture.server.url("/moved") + " not followed");
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void stopsWhenTheReceiverIsGone() {
        DestinationException failure = failure(410, "unsubscribed");

        assertThat(failure.kind()).isEqualTo(Kind.FATAL);
        assertThat(failure).hasMessageContaining("no more deliveries");
    }

    @Test
    void stopsOnBadCredentials() {
        DestinationException failure = failure(401, "");

        assertThat(failure.kind()).isEqualTo(Kind.FATAL);
        assertThat(failure).hasMessageContaining("credentials");
    }

    @Test
    void aThrottlingA503IsWaitedOutAndTheSameMessageResent() throws Exception {
        DestinationException failure = failure(503, "maintenance", "Retry-After", "7");
        fixture.enqueue(200, "");
        WriteResult retried = destination.write(BATCH);

        assertThat(failure.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(retried).isEqualTo(WriteResult.allDelivered(BATCH));
        assertThat(fixture.take().getHeaders().get("webhook-id")).isEqualTo(fixture.take().getHeaders().get("webhook-id"));
    }

    @Test
    void retriesAConflictOnTheIdempotencyKey() {
        DestinationException failure = failure(409, "");

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.httpStatus()).isEqualTo(409);
    }

    @Test
    void letsTheEngineBisectABatchTheReceiverRefuses() {
        DestinationException failure = failure(422, "{\"error\":\"row 42: invalid email\"}");

        assertThat(failure.kind()).isEqualTo(Kind.BATCH_REJECTED);
        assertThat(failure.httpStatus()).isEqualTo(422);
        assertThat(failure).hasMessageContaining("row 42: invalid email");
    }

    @Test
    void retriesWhenTheReceiverCannotBeReached() {
        String url = fixture.url();
        fixture.close();
        Destination unreachable = fixture.create(EXPORT, Map.of("url", url));

        DestinationException failure = catchThrowableOfType(DestinationException.class, () -> unreachable.write(BATCH));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.httpStatus()).isEqualTo(-1);
    }
}
