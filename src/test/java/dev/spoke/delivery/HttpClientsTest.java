package dev.spoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.network.AddressPolicy;
import dev.spoke.network.OutboundGuard;
import dev.spoke.network.RefusedAddressException;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

    @Test
    void theClientTakesItsTimeoutsFromTheSettingsAndLeavesRedirectsToSpoke() {
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(120), Duration.ofSeconds(7), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(60), OptionalDouble.empty(), OptionalLong.empty(),
                Duration.ofSeconds(1), 10, 10, OptionalLong.empty(), OptionalDouble.empty());

        OkHttpClient client = HttpClients.forConnection("connection 'crm'", settings, AddressPolicy.DEFAULT);

        assertThat(client.readTimeoutMillis()).isEqualTo(120_000);
        assertThat(client.writeTimeoutMillis()).isEqualTo(120_000);
        assertThat(client.connectTimeoutMillis()).isEqualTo(7_000);
        assertThat(client.followRedirects()).isFalse();
        assertThat(client.followSslRedirects()).isFalse();
        assertThat(client.retryOnConnectionFailure()).as("stale pooled connections are retried").isTrue();
        assertThat(client.dispatcher().getMaxRequests()).isEqualTo(10);
        assertThat(client.dispatcher().getMaxRequestsPerHost()).isEqualTo(10);
        assertThat(client.dns()).as("names are checked after resolution").isInstanceOf(OutboundGuard.class);
        assertThat(client.interceptors()).as("literals are checked before connecting").containsExactly((Interceptor) client.dns());
    }

    @Test
    void theClientRefusesAMetadataAddressBeforeConnecting() {
        OkHttpClient client = HttpClients.forConnection("connection 'crm'", DeliverySettings.DEFAULTS,
                AddressPolicy.DEFAULT);

        assertThatThrownBy(() -> client.newCall(new Request.Builder().url("http://169.254.169.254/latest/").build())
                .execute()).isInstanceOf(RefusedAddressException.class)
                .hasMessageStartingWith("connection 'crm': host 169.254.169.254 is a cloud metadata address");
    }
}
