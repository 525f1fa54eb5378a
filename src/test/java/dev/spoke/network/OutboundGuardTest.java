package dev.spoke.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The connect-time half of the policy: names checked after resolution, literals before OkHttp connects. */
class OutboundGuardTest {
    private static final byte[] METADATA = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    /** A resolver that knows a few names and records what it was asked. */
    private static final class FakeDns implements Dns {
        final List<String> asked = new ArrayList<>();
        private final Map<String, byte[]> names;

        FakeDns(Map<String, byte[]> names) {
            this.names = names;
        }

        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            asked.add(hostname);
            byte[] address = names.get(hostname);
            if (address == null) {
                throw new UnknownHostException(hostname);
            }
            return List.of(InetAddress.getByAddress(hostname, address));
        }
    }

    private static OkHttpClient client(OutboundGuard guard) {
        return new OkHttpClient.Builder().dns(guard).addInterceptor(guard).followRedirects(false).build();
    }

    @Test
    void refusesAHarmlessNameThatResolvesToAMetadataAddress() {
        FakeDns dns = new FakeDns(Map.of("innocent.example", METADATA));
        OutboundGuard guard = new OutboundGuard("connection 'hook'", AddressPolicy.DEFAULT, dns);

        assertThatThrownBy(() -> guard.lookup("innocent.example"))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessage("connection 'hook': host innocent.example resolves to 169.254.169.254, a cloud metadata"
                        + " address, where spoke never sends. Point its URL at the receiver's own address: spoke never"
                        + " connects to link-local, cloud metadata, unspecified, multicast, broadcast or reserved"
                        + " addresses (docs/security.md)");
        assertThat(dns.asked).containsExactly("innocent.example");
    }

    @Test
    void refusesKnownNamesAndNumericFormsWithoutResolvingThem() {
        FakeDns dns = new FakeDns(Map.of());
        OutboundGuard guard = new OutboundGuard("connection 'hook'", AddressPolicy.DEFAULT, dns);

        assertThatThrownBy(() -> guard.lookup("metadata.google.internal.")).isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("host metadata.google.internal. is a cloud metadata address");
        assertThatThrownBy(() -> guard.lookup("0xa9fea9fe")).isInstanceOf(RefusedAddressException.class);
        assertThat(dns.asked).isEmpty();
    }

    @Test
    void aClientWithTheGuardSendsNothingToARefusedAddressWhateverTheNotation() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            FakeDns dns = new FakeDns(Map.of("innocent.example", METADATA, "receiver.example", LOOPBACK));
            OkHttpClient http = client(new OutboundGuard("connection 'hook'", AddressPolicy.DEFAULT, dns));
            for (String host : List.of("innocent.example", "169.254.169.254", "0xA9FEA9FE", "2852039166",
                    "[::ffff:169.254.169.254]", "metadata.google.internal")) {
                Request request = new Request.Builder().url("http://" + host + ":" + server.getPort() + "/x").build();
                assertThatThrownBy(() -> http.newCall(request).execute()).as(host)
                        .isInstanceOf(RefusedAddressException.class);
            }
            assertThat(dns.asked).as("looked up once, never retried").containsExactly("innocent.example");

            server.enqueue(new MockResponse.Builder().code(204).build());
            Request allowed = new Request.Builder().url("http://receiver.example:" + server.getPort() + "/x").build();
            try (Response response = http.newCall(allowed).execute()) {
                assertThat(response.code()).as("the fake resolver is the one used").isEqualTo(204);
            }
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void withDenyPrivateRefusesANameThatResolvesToLoopback() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            FakeDns dns = new FakeDns(Map.of("receiver.example", LOOPBACK));
            OkHttpClient http = client(new OutboundGuard("connection 'hook'", new AddressPolicy(true), dns));
            Request request = new Request.Builder().url("http://receiver.example:" + server.getPort() + "/x").build();

            assertThatThrownBy(() -> http.newCall(request).execute()).isInstanceOf(RefusedAddressException.class)
                    .hasMessageContaining("host receiver.example resolves to 127.0.0.1, a loopback address, refused"
                            + " because spoke.yml sets network.deny_private: true");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void findsTheRefusalBehindWhateverWrapsIt() {
        RefusedAddressException refused = new RefusedAddressException("no");
        IOException wrapped = new IOException("call failed", new IllegalStateException(refused));
        IOException suppressing = new IOException("route failed");
        suppressing.addSuppressed(refused);

        assertThat(RefusedAddressException.findIn(refused)).containsSame(refused);
        assertThat(RefusedAddressException.findIn(wrapped)).containsSame(refused);
        assertThat(RefusedAddressException.findIn(suppressing)).containsSame(refused);
        assertThat(RefusedAddressException.findIn(new IOException("reset"))).isEmpty();
    }
}
