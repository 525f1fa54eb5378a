package dev.spoke.destinations.webhook;

import dev.spoke.config.Secret;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationContractTest;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.RowBatch;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class WebhookDestinationContractTest extends DestinationContractTest {
    private WebhookTestServer fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new WebhookTestServer();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Override
    protected DestinationFactory factory() {
        return new WebhookDestinationFactory();
    }

    @Override
    protected Map<String, Object> validConnectionOptions() {
        return Map.of("url", fixture.url(), "signing_secret", Secret.of(WebhookSignerTest.SW_SECRET, "env_var('S')"));
    }

    @Override
    protected Map<String, Object> validExportOptions() {
        return Map.of("event_type", "customers");
    }

    @Override
    protected DestinationContext context() {
        return fixture.context();
    }

    @Override
    protected void expectWriteAccepted(RowBatch batch) {
        fixture.enqueue(200, "{\"rejected\":[]}");
    }
}
