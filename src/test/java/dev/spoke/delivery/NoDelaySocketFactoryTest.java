package dev.spoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.network.AddressPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

    @Test
    void everySocketItMakesSendsSmallSegmentsAtOnce() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket unconnected = NoDelaySocketFactory.INSTANCE.createSocket();
                Socket byName = NoDelaySocketFactory.INSTANCE.createSocket("127.0.0.1", server.getLocalPort());
                Socket byAddress = NoDelaySocketFactory.INSTANCE.createSocket(InetAddress.getLoopbackAddress(),
                        server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(byName.getTcpNoDelay()).isTrue();
            assertThat(byAddress.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void connectionClientsUseIt() {
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(60), OptionalDouble.empty(), OptionalLong.empty(),
                Duration.ofSeconds(1), 4, 10, OptionalLong.empty(), OptionalDouble.empty());

        assertThat(HttpClients.forConnection("connection 'crm'", settings, AddressPolicy.DEFAULT).socketFactory()).isSameAs(NoDelaySocketFactory.INSTANCE);
    }
}
