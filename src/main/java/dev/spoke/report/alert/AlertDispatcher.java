package dev.spoke.report.alert;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.SpokeVersion;
import dev.spoke.config.AlertRule;
import dev.spoke.config.ConnectionOptions;
import dev.spoke.config.ConnectionSpec;
import dev.spoke.config.SpokeConfig;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.delivery.HttpClients;
import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.OptionValidator;
import dev.spoke.destination.Options;
import dev.spoke.destination.RowBatch;
import dev.spoke.report.MessageDelivery;
import dev.spoke.report.RunLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Sends the alerts a run sets off: for each rule of spoke.yml's {@code alerts:} that fires ({@link AlertEvaluator}),
 * one summary to Slack ({@link SlackAlert}) or to a webhook connection, where it arrives as a signed Standard Webhooks
 * event of type {@code <event_type_prefix>.alert.upsert} whose one row holds the summary's fields (the connection's
 * URL, headers, authentication and signing secret apply, as for rows, and so does spoke.yml's network policy, as for
 * every HTTP client). Each send goes through
 * {@link MessageDelivery}; the outcome is logged ({@code alert.sent} or {@code alert.failed}) and never changes the
 * run's exit code.
 */
public final class AlertDispatcher {
    static final String ALERT_EXPORT_ID = "spoke_alert";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DestinationRegistry registry;
    private final Clock clock;
    private final RunLog log;
    private final MessageDelivery delivery;
    private final Path projectDir;

    public AlertDispatcher(DestinationRegistry registry, Clock clock, RunLog log, MessageDelivery delivery,
            Path projectDir) {
        this.registry = requireNonNull(registry, "registry is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.log = requireNonNull(log, "log is null");
        this.delivery = requireNonNull(delivery, "delivery is null");
        this.projectDir = requireNonNull(projectDir, "projectDir is null");
    }

    /** Sends every alert {@code outcome} sets off; returns how many were delivered. */
    public int dispatch(SpokeConfig config, String project, RunOutcome outcome) {
        int sent = 0;
        for (AlertRule rule : config.alerts()) {
            Optional<String> reason = AlertEvaluator.fires(rule, outcome);
            if (reason.isEmpty()) {
                continue;
            }
            AlertSummary summary = new AlertSummary(project, rule.on(), reason.get(), outcome,
                    AlertEvaluator.watched(rule, outcome));
            Optional<String> failure = rule.slack().isPresent()
                    ? SlackAlert.send(summary, rule.slack().get(), delivery, DeliverySettings.DEFAULTS,
                            config.network(), clock)
                    : toConnection(config, rule, summary);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("alert", rule.key());
            fields.put("trigger", rule.on().configName());
            if (failure.isEmpty()) {
                sent++;
                log.info("alert.sent", "alert " + rule.key() + " (" + rule.on().configName() + ") sent to "
                        + rule.target() + ": " + reason.get(), fields);
            } else {
                log.warn("alert.failed", "alert " + rule.key() + " (" + rule.on().configName() + ") could not be"
                        + " sent to " + rule.target() + ": " + failure.get(), fields);
            }
        }
        return sent;
    }

    private Optional<String> toConnection(SpokeConfig config, AlertRule rule, AlertSummary summary) {
        ConnectionSpec connection = config.connection(rule.to()).orElse(null);
        Optional<DestinationFactory> factory = connection == null ? Optional.empty()
                : registry.find(connection.type());
        if (factory.isEmpty()) {
            return Optional.of("connection '" + rule.to() + "' is not a usable destination");
        }
        OptionValidator.Result options = ConnectionOptions.validate(connection, factory.get());
        if (!options.isValid()) {
            return Optional.of("connection '" + rule.to() + "' cannot be used: " + String.join("; ",
                    options.problems()));
        }
        RowBatch batch = MessageDelivery.oneRow(ALERT_EXPORT_ID, connection.name(),
                summary.outcome().runId() + "-" + rule.index(), summary.toJson());
        OkHttpClient http = HttpClients.forConnection("connection '" + connection.name() + "'",
                connection.delivery(), config.network());
        DestinationContext context = new DestinationContext(http, clock, new SimpleMeterRegistry(), JSON, projectDir,
                SpokeVersion.userAgent());
        DestinationSpec spec = new DestinationSpec(connection.name(), options.options(),
                new Options(Map.of("event_type", "alert")), batch.export());
        try (Destination destination = factory.get().create(spec, context)) {
            return delivery.deliver(connection.name(), connection.delivery(), destination, batch);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.of(e.getMessage());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
