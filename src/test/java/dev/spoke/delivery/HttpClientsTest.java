package dev.spoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

    @Test
    void theClientTakesItsTimeoutsFromTheSettingsAndLeavesRedirectsToSpoke() {
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(120), Duration.ofSeconds(7), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(60), OptionalDouble.empty(), OptionalLong.empty(),
                Duration.ofSeconds(1), 10, 10, OptionalLong.empty(), OptionalDouble.empty());

        OkHttpClient client = HttpClients.forConnection(settings);

        assertThat(client.readTimeoutMillis()).isEqualTo(120_000);
        assertThat(client.writeTimeoutMillis()).isEqualTo(120_000);
        assertThat(client.connectTimeoutMillis()).isEqualTo(7_000);
        assertThat(client.followRedirects()).isFalse();
        assertThat(client.followSslRedirects()).isFalse();
        assertThat(client.retryOnConnectionFailure()).as("stale pooled connections are retried").isTrue();
        assertThat(client.dispatcher().getMaxRequests()).isEqualTo(10);
        assertThat(client.dispatcher().getMaxRequestsPerHost()).isEqualTo(10);
    }
}
