package dev.spoke.destinations.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OptionValidator;
import dev.spoke.destination.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/** A MockWebServer and a destination context built the way the engine builds it (redirects never followed). */
final class WebhookTestServer implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final String USER_AGENT = "spoke/test";

    final MockWebServer server = new MockWebServer();
    final SettableClock clock = new SettableClock(NOW);
    final ObjectMapper json = new ObjectMapper();
    final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false).build();

    WebhookTestServer() throws IOException {
        server.start();
    }

    String url() {
        return server.url("/hooks/spoke").toString();
    }

    DestinationContext context() {
        return new DestinationContext(http, clock, new SimpleMeterRegistry(), json, Path.of("."), USER_AGENT);
    }

    /** Validates the options like the config layer does (the URL defaults to this server's) and creates. */
    Destination create(ExportDescriptor export, Map<String, ?> connection, Map<String, ?> exportOptions) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("url", url());
        raw.putAll(connection);
        WebhookDestinationFactory factory = new WebhookDestinationFactory();
        OptionValidator.Result connectionResult = OptionValidator.validate(factory.connectionOptions(), raw, List.of());
        OptionValidator.Result exportResult = OptionValidator.validate(factory.exportOptions(), exportOptions, List.of());
        assertThat(connectionResult.problems()).isEmpty();
        assertThat(exportResult.problems()).isEmpty();
        return factory.create(new DestinationSpec(export.connectionName(), connectionResult.options(),
                exportResult.options(), export), context());
    }

    Destination create(ExportDescriptor export, Map<String, ?> connection) {
        return create(export, connection, Map.of());
    }

    void enqueue(int code, String body, String... headerNamesAndValues) {
        MockResponse.Builder response = new MockResponse.Builder().code(code).body(body);
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            response.addHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        server.enqueue(response.build());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    @Override
    public void close() {
        server.close();
    }
}
