package dev.spoke.destinations.webhook;

import static dev.spoke.destination.RowBatchBuilder.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.delivery.Deferral;
import dev.spoke.delivery.Deliverer;
import dev.spoke.delivery.DeliveryContext;
import dev.spoke.delivery.DeliveryListener;
import dev.spoke.delivery.DeliveryOutcome;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.delivery.HttpClients;
import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OptionValidator;
import dev.spoke.destination.Options;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.SyncMode;
import dev.spoke.network.AddressPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook whose harmless-looking host resolves to a refused address, on the client the engine builds: the write
 * fails as fatal with the policy's message, before anything is sent, and the delivery layer stops the destination for
 * the run after one attempt, without counting it against the circuit breaker.
 */
class WebhookAddressPolicyTest {
    private static final ExportDescriptor EXPORT =
            RowBatchBuilder.export("at_risk_customers", "support_webhook", SyncMode.UPSERT, "customer_id");
    private static final byte[] METADATA = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Resolves every name to {@code address}, the way a poisoned or rebinding DNS answer would. */
    private Dns resolvingTo(byte[] address) {
        return hostname -> {
            lookups.incrementAndGet();
            try {
                return List.of(InetAddress.getByAddress(hostname, address));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private Destination destination(AddressPolicy policy, Dns dns) {
        WebhookDestinationFactory factory = new WebhookDestinationFactory();
        OptionValidator.Result connection = OptionValidator.validate(factory.connectionOptions(),
                Map.of("url", "http://hooks.innocent.example:" + server.getPort() + "/spoke"), List.of());
        assertThat(connection.problems()).isEmpty();
        OkHttpClient http = HttpClients.forConnection("connection 'support_webhook'", DeliverySettings.DEFAULTS, policy,
                dns);
        return factory.create(new DestinationSpec("support_webhook", connection.options(), Options.empty(), EXPORT),
                new DestinationContext(http, Clock.systemUTC(), new SimpleMeterRegistry(), new ObjectMapper(),
                        Path.of("."), "spoke/test"));
    }

    private static RowBatch batch() {
        return RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "a@example.com"))
                .insert("2", fields("email", "b@example.com")).build();
    }

    @Test
    void aNameResolvingToTheMetadataServiceIsAFatalFailureWithThePolicysMessage() {
        Destination destination = destination(AddressPolicy.DEFAULT, resolvingTo(METADATA));

        assertThatThrownBy(() -> destination.write(batch()))
                .isInstanceOfSatisfying(DestinationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DestinationException.Kind.FATAL);
                    assertThat(e.getMessage()).startsWith("connection 'support_webhook': host hooks.innocent.example"
                            + " resolves to 169.254.169.254, a cloud metadata address, where spoke never sends");
                });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theDeliveryLayerStopsTheDestinationAfterOneAttemptWithoutTrippingTheCircuit() {
        Destination destination = destination(new AddressPolicy(true), resolvingTo(LOOPBACK));
        Deliverer deliverer = new Deliverer("support_webhook", DeliverySettings.DEFAULTS, new DeliveryContext(
                Clock.systemUTC(), (duration, stop) -> { }, new StopSignal(), Optional.empty(), DeliveryListener.NONE,
                new Random(1)));

        DeliveryOutcome outcome = deliverer.deliver(destination, batch());

        assertThat(outcome.outcomes()).as("nothing refused by the destination").isEmpty();
        assertThat(outcome.deferred().values()).hasSize(2).allSatisfy(deferral -> {
            assertThat(deferral.cause()).isEqualTo(Deferral.Cause.DESTINATION_FAILED);
            assertThat(deferral.reason()).startsWith("not sent: connection 'support_webhook': host"
                    + " hooks.innocent.example resolves to 127.0.0.1, a loopback address, refused because spoke.yml"
                    + " sets network.deny_private: true");
        });
        assertThat(deliverer.stopReason(destination)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("network.deny_private"));
        assertThat(deliverer.circuitOpenReason()).isEmpty();
        assertThat(lookups).as("one attempt, no retry").hasValue(1);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theSameNameIsDeliveredToWhenItsAddressIsAllowed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());

        destination(AddressPolicy.DEFAULT, resolvingTo(LOOPBACK)).write(batch());

        assertThat(server.getRequestCount()).as("the fake resolver is the one the client uses").isEqualTo(1);
    }
}
