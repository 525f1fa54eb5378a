package dev.spoke.it.ops;

import static dev.spoke.it.ops.SpokeProcess.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync with rejected and invalid rows, end to end: a webhook receiver (MockWebServer) refuses two rows of the batch,
 * one row has a NULL key. The Prometheus text file and the Pushgateway push agree on every row count with
 * spoke_run_results.json, and a {@code rejected_rows} alert reaches a fake Slack incoming webhook with those counts
 * and the receiver's reasons.
 */
class MetricsAndAlertsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COUNTS = List.of("read", "added", "changed", "removed", "sent", "delivered",
            "rejected", "deferred", "invalid");
    private static final String EXPORT = "orders__crm_hook";

    @TempDir
    Path dir;

    @Test
    void metricsRunResultsAndTheSlackAlertAgreeOnEveryCount() throws Exception {
        try (MockWebServer receiver = new MockWebServer(); MockWebServer gateway = new MockWebServer();
                MockWebServer slack = new MockWebServer()) {
            receiver.start();
            gateway.start();
            slack.start();
            receiver.enqueue(new MockResponse.Builder().code(200).body("{\"rejected\":[{\"key\":\"2\",\"reason\":"
                    + "\"customer 2 is blocked\"},{\"key\":\"4\",\"reason\":\"order 4 is archived\"}]}").build());
            gateway.enqueue(new MockResponse.Builder().code(200).build());
            slack.enqueue(new MockResponse.Builder().code(200).body("ok").build());
            BouncerProject.in(dir)
                    .spokeYml("""
                            connections:
                              crm_hook:
                                type: webhook
                                url: "{{ env_var('CRM_HOOK_URL') }}"
                            alerts:
                              - on: rejected_rows
                                threshold: 1
                                slack_webhook_url: "{{ env_var('SLACK_WEBHOOK_URL') }}"
                              - on: failure
                                slack_webhook_url: "{{ env_var('SLACK_WEBHOOK_URL') }}"
                            """)
                    .export(BouncerProject.ORDERS, "[{\"to\": \"crm_hook\", \"key\": \"order_id_pk\"}]")
                    .writeManifest()
                    .ordersTable(6, true);
            Path metricsFile = dir.resolve("textfile/spoke.prom");

            SpokeProcess.Result run = SpokeProcess.run(dir, Map.of(
                            "CRM_HOOK_URL", receiver.url("/hooks/orders").toString(),
                            "SLACK_WEBHOOK_URL", slack.url("/services/T01/B02/xyzsecret").toString()),
                    "sync", "--metrics-file", metricsFile.toString(),
                    "--metrics-push-url", gateway.url("/").toString());

            assertExit(run, 0);
            JsonNode rows = BouncerProject.readJson(dir.resolve("target/spoke_run_results.json"))
                    .path("results").get(0).path("rows");
            assertThat(rows.path("read").asLong()).isEqualTo(6);
            assertThat(rows.path("delivered").asLong()).isEqualTo(3);
            assertThat(rows.path("rejected").asLong()).isEqualTo(2);
            assertThat(rows.path("invalid").asLong()).isEqualTo(1);

            String metrics = SpokeProcess.read(metricsFile);
            for (String count : COUNTS) {
                assertThat(metric(metrics, "spoke_rows_" + count + "_total")).as(count)
                        .isEqualTo(rows.path(count).asLong());
            }
            assertThat(metrics).contains("spoke_requests_total{destination=\"crm_hook\",export=\"" + EXPORT
                    + "\",outcome=\"succeeded\",status_class=\"2xx\"} 1.0");
            assertThat(metrics).contains("spoke_run_exit_code 0.0");

            RecordedRequest push = gateway.takeRequest(5, TimeUnit.SECONDS);
            assertThat(push.getMethod()).isEqualTo("PUT");
            assertThat(push.getTarget()).isEqualTo("/metrics/job/spoke/project/dbt_bouncer_test_project");
            assertThat(push.getBody().utf8()).isEqualTo(metrics);

            RecordedRequest alert = slack.takeRequest(5, TimeUnit.SECONDS);
            assertThat(alert.getTarget()).isEqualTo("/services/T01/B02/xyzsecret");
            JsonNode body = JSON.readTree(alert.getBody().utf8());
            assertThat(body.path("text").asText()).isEqualTo("spoke sync rejected rows in dbt_bouncer_test_project:"
                    + " 3 row(s) rejected or invalid, more than the alert's threshold (1)");
            String blocks = body.path("blocks").toString();
            assertThat(blocks).contains("rows: " + rows.path("read").asLong() + " read, " + rows.path("sent").asLong()
                    + " sent, " + rows.path("delivered").asLong() + " delivered, " + rows.path("rejected").asLong()
                    + " rejected, " + rows.path("deferred").asLong() + " deferred, " + rows.path("invalid").asLong()
                    + " invalid");
            assertThat(blocks).contains("customer 2 is blocked").contains("order 4 is archived")
                    .contains("a key column (order_id_pk) is NULL");
            assertThat(slack.getRequestCount()).as("the failure alert does not fire for a run that went through")
                    .isEqualTo(1);
            assertThat(run.stderr()).contains("alert alerts[0] (rejected_rows) sent to Slack");
        }
    }

    private static long metric(String text, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{destination=\"crm_hook\",export=\"" + EXPORT
                + "\"} ([0-9.E]+)$").matcher(text);
        assertThat(matcher.find()).as(name + " in%n" + text).isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
