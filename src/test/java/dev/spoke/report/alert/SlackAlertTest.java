package dev.spoke.report.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.ExitCode;
import dev.spoke.config.AlertRule;
import dev.spoke.config.Secret;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.network.AddressPolicy;
import dev.spoke.report.MessageDelivery;
import dev.spoke.sync.ExportResult;
import dev.spoke.sync.ExportStatus;
import dev.spoke.sync.RowCounts;
import dev.spoke.sync.RowError;
import dev.spoke.sync.SkipReason;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class SlackAlertTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MessageDelivery delivery = new MessageDelivery(Clock.systemUTC(), (duration, stop) -> { },
            Duration.ofSeconds(30));

    private static ExportResult result(String model, String destination, ExportStatus status, SkipReason skip,
            RowCounts rows, List<RowError> errors) {
        return new ExportResult(model + "__" + destination, "model.shop." + model, model, destination, "webhook",
                "upsert", status, skip, status.jsonName() + " message", rows, errors, List.of(), Duration.ZERO);
    }

    private static final RunOutcome OUTCOME = new RunOutcome("run-1", ExitCode.PARTIAL_FAILURE, List.of(
            result("orders", "crm", ExportStatus.WARN, null, new RowCounts(10, 10, 0, 0, 9, 6, 3, 0, 1),
                    List.of(new RowError("7", "insert", "rejected", "HTTP 422: email is not valid"))),
            result("leads", "ads", ExportStatus.ERROR, null, new RowCounts(5, 5, 0, 0, 5, 0, 5, 0, 0), List.of())),
            null);

    private static AlertRule rule(AlertRule.Trigger on, long threshold, List<String> connections) {
        return new AlertRule(0, on, threshold, "hook", null, connections);
    }

    @Test
    void rulesFireOnFailureRejectedRowsOverTheThresholdAndStaleness() {
        assertThat(AlertEvaluator.fires(rule(AlertRule.Trigger.FAILURE, 0, List.of()), OUTCOME))
                .hasValue("1 of 2 export(s) failed (exit code 1)");
        assertThat(AlertEvaluator.fires(rule(AlertRule.Trigger.FAILURE, 0, List.of("crm")), OUTCOME)).isEmpty();
        assertThat(AlertEvaluator.fires(rule(AlertRule.Trigger.REJECTED_ROWS, 8, List.of()), OUTCOME))
                .hasValue("9 row(s) rejected or invalid, more than the alert's threshold (8)");
        assertThat(AlertEvaluator.fires(rule(AlertRule.Trigger.REJECTED_ROWS, 9, List.of()), OUTCOME)).isEmpty();
        assertThat(AlertEvaluator.fires(rule(AlertRule.Trigger.STALE, 0, List.of()), OUTCOME)).isEmpty();
        RunOutcome stale = new RunOutcome("run-2", ExitCode.STALE, List.of(result("orders", "crm",
                ExportStatus.SKIPPED, SkipReason.STALE, RowCounts.ZERO, List.of())), null);
        assertThat(AlertEvaluator.fires(rule(AlertRule.Trigger.STALE, 0, List.of()), stale)).isPresent();
        RunOutcome crashed = RunOutcome.failed("run-3", ExitCode.RUNTIME_ERROR, "the warehouse is down");
        assertThat(AlertEvaluator.fires(rule(AlertRule.Trigger.FAILURE, 0, List.of("crm")), crashed))
                .hasValue("the run failed (exit code 3): the warehouse is down");
    }

    @Test
    void postsTheCountsAndFirstReasonsAsBlocksAndAcceptsOk() throws Exception {
        AlertSummary summary = new AlertSummary("shop", AlertRule.Trigger.REJECTED_ROWS, "9 rows rejected",
                OUTCOME, OUTCOME.results());
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("").build());
            server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
            Secret url = Secret.of(server.url("/services/T000/B000/slacksecretpart").toString(), "env_var('X')");

            assertThat(SlackAlert.send(summary, url, delivery, DeliverySettings.DEFAULTS, AddressPolicy.DEFAULT,
                    Clock.systemUTC())).isEmpty();

            server.takeRequest(5, TimeUnit.SECONDS);
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
            JsonNode body = JSON.readTree(request.getBody().utf8());
            assertThat(body.path("text").asText()).isEqualTo("spoke sync rejected rows in shop: 9 rows rejected");
            assertThat(body.path("blocks").get(0).path("text").path("text").asText())
                    .isEqualTo("spoke sync rejected rows in shop");
            String blocks = body.path("blocks").toString();
            assertThat(blocks).contains("exports: 2, 1 warn, 1 error; rows: 15 read, 14 sent, 6 delivered,"
                    + " 8 rejected, 0 deferred, 1 invalid");
            assertThat(blocks).contains("orders -&gt; crm: rejected key 7 (insert): HTTP 422: email is not valid");
            assertThat(blocks).contains("run run-1");
        }
    }

    @Test
    void a200ThatIsNotOkAndA404AreFailuresNamedInTheReason() throws Exception {
        AlertSummary summary = new AlertSummary("shop", AlertRule.Trigger.FAILURE, "failed", OUTCOME,
                OUTCOME.results());
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).body("invalid_blocks").build());
            server.enqueue(new MockResponse.Builder().code(404).body("no_service").build());
            Secret url = Secret.of(server.url("/services/T/B/x").toString(), "env_var('X')");

            assertThat(SlackAlert.send(summary, url, delivery, DeliverySettings.DEFAULTS, AddressPolicy.DEFAULT,
                    Clock.systemUTC()))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("'invalid_blocks' instead of 'ok'"));
            assertThat(SlackAlert.send(summary, url, delivery, DeliverySettings.DEFAULTS, AddressPolicy.DEFAULT,
                    Clock.systemUTC()))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("HTTP 404: no_service"));
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }
}
