package dev.spoke.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.delivery.Deliverer;
import dev.spoke.delivery.DeliveryContext;
import dev.spoke.delivery.DeliveryListener;
import dev.spoke.delivery.Deferral;
import dev.spoke.delivery.DeliveryOutcome;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.delivery.Sleeper;
import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowFields;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOperation;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.SyncMode;
import dev.spoke.destination.WriteResult;
import dev.spoke.network.AddressPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import okhttp3.OkHttpClient;

/**
 * Sends one message at the end of a run (an alert, a metrics push) through the same delivery layer rows go through
 * ({@link Deliverer}): retries with jittered backoff, Retry-After honoured, fatal answers not retried, all within a
 * time budget so that a receiver that is down never holds the run up for long. The message travels as a batch of one
 * row, to a real {@link Destination} (a connection's) or to an {@link HttpMessage} wrapped as one.
 */
public final class MessageDelivery {
    /** The longest a message may take, retries included. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration budget;

    public MessageDelivery(Clock clock, Sleeper sleeper, Duration budget) {
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.budget = requireNonNull(budget, "budget is null");
    }

    /** One HTTP request whose failure is a {@link DestinationException} (see {@link dev.spoke.destination.HttpFailures}). */
    @FunctionalInterface
    public interface HttpMessage {
        void send(OkHttpClient http) throws DestinationException;
    }

    /**
     * Sends {@code message} with a client built from {@code settings} ({@link dev.spoke.delivery.HttpClients}) that
     * enforces {@code policy} on the host it connects to.
     *
     * @param name what the message goes to, for failure reasons (e.g. {@code pushgateway}, {@code Slack})
     * @return empty when it was delivered, else why not
     */
    public Optional<String> send(String name, DeliverySettings settings, AddressPolicy policy, HttpMessage message) {
        requireNonNull(message, "message is null");
        OkHttpClient http = dev.spoke.delivery.HttpClients.forConnection(name, settings, policy);
        try {
            Destination destination = new Destination() {
                @Override
                public WriteResult write(RowBatch batch) throws DestinationException {
                    message.send(http);
                    return WriteResult.allDelivered(batch);
                }

                @Override
                public int maxBatchSize() {
                    return 1;
                }
            };
            return deliver(name, settings, destination, oneRow(name, name, "message",
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /**
     * Delivers {@code batch} (one row) to {@code destination} under {@code settings}' retry policy.
     *
     * @return empty when the destination confirmed the row, else its reason
     */
    public Optional<String> deliver(String name, DeliverySettings settings, Destination destination, RowBatch batch) {
        requireNonNull(name, "name is null");
        requireNonNull(settings, "settings is null");
        DeliveryContext context = new DeliveryContext(clock, sleeper, new StopSignal(),
                Optional.of(clock.instant().plus(budget)), DeliveryListener.NONE, new Random());
        DeliveryOutcome outcome = new Deliverer(name, settings, context).deliver(destination, batch);
        for (RowOutcome row : outcome.outcomes().values()) {
            if (row instanceof RowOutcome.Rejected rejected) {
                return Optional.of(rejected.reason());
            }
        }
        for (Deferral deferral : outcome.deferred().values()) {
            return Optional.of(deferral.reason());
        }
        return outcome.outcomes().isEmpty() ? Optional.of(name + " did not confirm the message") : Optional.empty();
    }

    /**
     * A batch of one row, for a destination that turns rows into requests (a webhook or file connection).
     *
     * @param exportId what the destination shows as the export
     * @param connectionName the connection
     * @param key the row's key (and idempotency key)
     * @param payload the row's fields
     */
    public static RowBatch oneRow(String exportId, String connectionName, String key, ObjectNode payload) {
        ExportDescriptor descriptor = new ExportDescriptor(exportId, "spoke", "spoke." + exportId, connectionName,
                SyncMode.APPEND, List.of("id"));
        OutgoingRow row = new OutgoingRow(RowKey.of(key), RowOperation.INSERT, key, exportId + ":" + key,
                RowFields.fromTree(payload));
        return new RowBatch(descriptor, List.of(row));
    }
}
