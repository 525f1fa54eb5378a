package dev.spoke.report.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.report.MessageDelivery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileAndPushgatewayTest {
    private static final String TEXT = "# TYPE spoke_rows_read_total counter\nspoke_rows_read_total 3.0\n";
    private final MessageDelivery delivery = new MessageDelivery(Clock.systemUTC(),
            (duration, stop) -> { }, Duration.ofSeconds(30));

    @TempDir
    Path dir;

    @Test
    void writesTheFileAtomicallyLeavingNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("collector/spoke.prom");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");

        MetricsFile.write(TEXT, file);

        assertThat(file).hasContent(TEXT.strip());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void putsTheTextFormatToTheRunsGroupAndRetriesA503() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
            server.enqueue(new MockResponse.Builder().code(200).build());
            Map<String, String> grouping = new LinkedHashMap<>();
            grouping.put("project", "jaffle_shop");
            grouping.put("shard", "1-of-4");
            Pushgateway gateway = Pushgateway.at(server.url("/").toString(), grouping);

            assertThat(gateway.push(TEXT, delivery, Clock.systemUTC())).isEmpty();

            RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
            RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(first.getMethod()).isEqualTo("PUT");
            assertThat(second.getTarget()).isEqualTo("/metrics/job/spoke/project/jaffle_shop/shard/1-of-4");
            assertThat(second.getHeaders().get("Content-Type")).startsWith("text/plain; version=0.0.4");
            assertThat(second.getBody().utf8()).isEqualTo(TEXT);
        }
    }

    @Test
    void aValueWithOtherCharactersIsBase64EncodedAndAGroupUrlIsKept() {
        assertThat(Pushgateway.at("http://gw:9091", Map.of("project", "my project")).url().encodedPath())
                .isEqualTo("/metrics/job/spoke/project@base64/bXkgcHJvamVjdA");
        assertThat(Pushgateway.at("http://gw:9091/metrics/job/nightly", Map.of("project", "p")).url().encodedPath())
                .isEqualTo("/metrics/job/nightly");
    }

    @Test
    void aPushUrlTheAddressPolicyRefusesIsAConfigurationErrorButAPrivateGatewayIsFine() {
        assertThatThrownBy(() -> Pushgateway.at("http://169.254.169.254/", Map.of()))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
                    assertThat(e.getMessage()).isEqualTo("--metrics-push-url: host 169.254.169.254 is a cloud"
                            + " metadata address, where spoke never sends");
                });
        assertThatThrownBy(() -> Pushgateway.at("file:///tmp/metrics", Map.of()))
                .hasMessageStartingWith("--metrics-push-url 'file:///tmp/metrics' has scheme file");
        assertThat(Pushgateway.at("http://10.0.0.9:9091", Map.of()).url().host()).isEqualTo("10.0.0.9");
    }

    @Test
    void aRefusalIsReportedNotThrown() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(400).body("text format parsing error").build());

            assertThat(Pushgateway.at(server.url("/").toString(), Map.of()).push(TEXT, delivery, Clock.systemUTC()))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("HTTP 400: text format parsing error"));
        }
    }

}
