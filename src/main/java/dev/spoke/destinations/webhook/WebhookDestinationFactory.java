package dev.spoke.destinations.webhook;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.SyncMode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code webhook} destination type: POSTs batches of rows as signed JSON to a URL (see
 * {@link WebhookDestination} for the body, headers and how answers are read). Supports every sync mode; deletes
 * arrive as their own batches with operation {@code delete}.
 */
public final class WebhookDestinationFactory implements DestinationFactory {
    static final String URL = "url";
    static final String HEADERS = "headers";
    static final String BEARER_TOKEN = "bearer_token";
    static final String BASIC_USERNAME = "basic_username";
    static final String BASIC_PASSWORD = "basic_password";
    static final String SIGNING_SECRET = "signing_secret";
    static final String BATCH_SIZE = "batch_size";
    static final String EVENT_TYPE_PREFIX = "event_type_prefix";
    static final String EVENT_TYPE = "event_type";
    static final int DEFAULT_BATCH_SIZE = 100;
    static final int MAX_BATCH_SIZE = 10_000;
    static final String DEFAULT_EVENT_TYPE_PREFIX = "spoke";
    static final String DEFAULT_EVENT_TYPE = "rows";

    private static final List<OptionSpec> CONNECTION_OPTIONS = List.of(
            OptionSpec.url(URL).required()
                    .describedAs("The http(s) URL batches are POSTed to; credentials go in bearer_token or"
                            + " basic_username/basic_password, never in the URL; redirects are never followed"),
            OptionSpec.stringMap(HEADERS)
                    .describedAs("Extra request headers, name to value; values may come from env_var()"),
            OptionSpec.string(BEARER_TOKEN).asSecret()
                    .describedAs("Sent as 'Authorization: Bearer <token>'; excludes basic_username/basic_password"),
            OptionSpec.string(BASIC_USERNAME)
                    .describedAs("HTTP Basic authentication user name; set together with basic_password"),
            OptionSpec.string(BASIC_PASSWORD).asSecret()
                    .describedAs("HTTP Basic authentication password; set together with basic_username"),
            OptionSpec.string(SIGNING_SECRET).asSecret()
                    .describedAs("Standard Webhooks signing secret (whsec_<base64>, or any other text used as the key"
                            + " as is); adds a webhook-signature header"),
            OptionSpec.integer(BATCH_SIZE).withDefault((long) DEFAULT_BATCH_SIZE).between(1, MAX_BATCH_SIZE)
                    .describedAs("The most rows in one request"),
            OptionSpec.string(EVENT_TYPE_PREFIX).withDefault(DEFAULT_EVENT_TYPE_PREFIX)
                    .describedAs("The first part of the event type: <prefix>.<event_type>.upsert|delete"));

    private static final List<OptionSpec> EXPORT_OPTIONS = List.of(
            OptionSpec.integer(BATCH_SIZE).between(1, MAX_BATCH_SIZE)
                    .describedAs("The most rows in one request for this export; overrides the connection's batch_size"),
            OptionSpec.string(EVENT_TYPE).withDefault(DEFAULT_EVENT_TYPE)
                    .describedAs("The middle part of the event type, e.g. customers gives spoke.customers.upsert"));

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public String description() {
        return "POSTs changed rows as signed JSON batches (Standard Webhooks) to an HTTP endpoint";
    }

    @Override
    public List<OptionSpec> connectionOptions() {
        return CONNECTION_OPTIONS;
    }

    @Override
    public List<OptionSpec> exportOptions() {
        return EXPORT_OPTIONS;
    }

    @Override
    public Set<SyncMode> supportedModes() {
        return EnumSet.allOf(SyncMode.class);
    }

    @Override
    public void check(DestinationSpec spec, Path projectDir) {
        WebhookSettings.from(requireNonNull(spec, "spec is null"));
    }

    @Override
    public Destination create(DestinationSpec spec, DestinationContext context) {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new WebhookDestination(WebhookSettings.from(spec), context);
    }
}
