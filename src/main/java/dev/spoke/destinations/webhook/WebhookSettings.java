package dev.spoke.destinations.webhook;

import static dev.spoke.destinations.webhook.WebhookDestinationFactory.BASIC_PASSWORD;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.BASIC_USERNAME;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.BATCH_SIZE;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.BEARER_TOKEN;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.DEFAULT_BATCH_SIZE;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.DEFAULT_EVENT_TYPE;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.DEFAULT_EVENT_TYPE_PREFIX;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.EVENT_TYPE;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.EVENT_TYPE_PREFIX;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.HEADERS;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.SIGNING_SECRET;
import static dev.spoke.destinations.webhook.WebhookDestinationFactory.URL;

import dev.spoke.config.Secret;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.InvalidOptionException;
import dev.spoke.destination.Options;
import dev.spoke.network.OutboundUrls;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A webhook connection and export resolved into what a request needs, with the checks the option declarations
 * cannot express (options that go together or exclude each other, header syntax, the URL, the signing secret).
 * Secret values live only in {@link #fixedHeaders()} and the signer; {@link #toString()} shows neither.
 *
 * @param url where batches are POSTed
 * @param fixedHeaders the custom headers and the Authorization header, the same on every request
 * @param signer the Standard Webhooks signer, when a signing secret is set
 * @param batchSize the most rows per request
 * @param eventTypeBase the event type without its operation, e.g. {@code spoke.rows}
 */
record WebhookSettings(
        HttpUrl url, Headers fixedHeaders, Optional<WebhookSigner> signer, int batchSize, String eventTypeBase) {

    /** Headers the destination sets itself; a custom header may not replace them. */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "content-encoding",
            "transfer-encoding", "host", "connection", "webhook-id", "webhook-timestamp", "webhook-signature",
            "idempotency-key");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern EVENT_TYPE_TEXT = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /** @throws InvalidOptionException naming the option and the fix, never showing a secret value */
    static WebhookSettings from(DestinationSpec spec) {
        Options connection = spec.connection();
        Options export = spec.exportOptions();
        String where = "connection '" + spec.connectionName() + "'";
        Headers.Builder headers = new Headers.Builder();
        Optional<String> authorization = authorization(connection, where);
        customHeaders(connection, where, authorization.isPresent(), headers);
        authorization.ifPresent(value -> headers.set("Authorization", value));
        Optional<WebhookSigner> signer = connection.string(SIGNING_SECRET).map(secret -> {
            try {
                return WebhookSigner.fromSecret(secret);
            } catch (IllegalArgumentException e) {
                throw InvalidOptionException.connection(SIGNING_SECRET, where + ": " + e.getMessage(), e);
            }
        });
        long batchSize = export.integer(BATCH_SIZE)
                .orElse(connection.integer(BATCH_SIZE).orElse((long) DEFAULT_BATCH_SIZE));
        String prefix = connection.string(EVENT_TYPE_PREFIX).orElse(DEFAULT_EVENT_TYPE_PREFIX);
        if (!isEventTypePart(prefix)) {
            throw InvalidOptionException.connection(EVENT_TYPE_PREFIX,
                    notAnEventType(where + ": " + EVENT_TYPE_PREFIX, prefix));
        }
        String eventType = export.string(EVENT_TYPE).orElse(DEFAULT_EVENT_TYPE);
        if (!isEventTypePart(eventType)) {
            throw InvalidOptionException.export(EVENT_TYPE,
                    notAnEventType("export '" + spec.export().exportId() + "': option " + EVENT_TYPE, eventType));
        }
        return new WebhookSettings(url(connection, where), headers.build(), signer, Math.toIntExact(batchSize),
                prefix + "." + eventType);
    }

    /** {@code <prefix>.<event_type>.upsert} or {@code ....delete}. */
    String eventType(boolean delete) {
        return eventTypeBase + (delete ? ".delete" : ".upsert");
    }

    /** The URL, read as its {@code OptionSpec.url} declaration reads it at validate. */
    private static HttpUrl url(Options connection, String where) {
        String text = connection.string(URL)
                .orElseThrow(() -> InvalidOptionException.connection(URL, where + ": " + URL + " is required; set it"
                        + " to the receiver's http(s) address"));
        try {
            return OutboundUrls.parse(text, connection.asMap().get(URL) instanceof Secret);
        } catch (IllegalArgumentException e) {
            throw InvalidOptionException.connection(URL, where + ": " + URL + " " + e.getMessage(), e);
        }
    }

    private static Optional<String> authorization(Options connection, String where) {
        boolean bearer = connection.has(BEARER_TOKEN);
        boolean user = connection.has(BASIC_USERNAME);
        boolean password = connection.has(BASIC_PASSWORD);
        if (user != password) {
            String set = user ? BASIC_USERNAME : BASIC_PASSWORD;
            throw InvalidOptionException.connection(set, where + ": " + set + " is set without "
                    + (user ? BASIC_PASSWORD : BASIC_USERNAME) + "; set both for HTTP Basic authentication, or neither");
        }
        if (bearer && user) {
            throw InvalidOptionException.connection(BEARER_TOKEN, where + ": " + BEARER_TOKEN + " and "
                    + BASIC_USERNAME + "/" + BASIC_PASSWORD
                    + " both set an Authorization header; keep the one the receiver expects");
        }
        if (bearer) {
            String token = connection.requiredString(BEARER_TOKEN);
            checkHeaderValue(token, where, BEARER_TOKEN);
            return Optional.of("Bearer " + token);
        }
        if (user) {
            return Optional.of(Credentials.basic(connection.requiredString(BASIC_USERNAME),
                    connection.requiredString(BASIC_PASSWORD), StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    private static void customHeaders(Options connection, String at, boolean hasAuth, Headers.Builder headers) {
        for (Map.Entry<String, Object> header : connection.map(HEADERS).entrySet()) {
            String name = header.getKey();
            String option = HEADERS + "." + name;
            String where = at + ": " + option;
            if (!HEADER_NAME.matcher(name).matches()) {
                throw InvalidOptionException.connection(option,
                        where + ": not a valid HTTP header name; use letters, digits and -");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED_HEADERS.contains(lower)) {
                throw InvalidOptionException.connection(option,
                        where + ": spoke sets this header itself; remove it from " + HEADERS);
            }
            if (lower.equals("authorization") && hasAuth) {
                throw InvalidOptionException.connection(option, where + ": conflicts with " + BEARER_TOKEN + "/"
                        + BASIC_USERNAME + ", which set Authorization; keep one of them");
            }
            Object raw = header.getValue();
            String value = raw instanceof Secret secret ? secret.reveal() : String.valueOf(raw);
            checkHeaderValue(value, at, option);
            headers.set(name, value);
        }
    }

    /** Checks a header value without ever printing it: it may be a secret. */
    private static void checkHeaderValue(String value, String where, String option) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                throw InvalidOptionException.connection(option, where + ": " + option + ": the value has a character"
                        + " that cannot go in an HTTP"
                        + " header (a control or non-ASCII character at position " + (i + 1) + "); if it comes from"
                        + " env_var(), check the variable for a trailing newline");
            }
        }
    }

    private static boolean isEventTypePart(String text) {
        return EVENT_TYPE_TEXT.matcher(text).matches();
    }

    private static String notAnEventType(String option, String text) {
        return option + " '" + text + "' is not a dot-separated name; use letters, digits, _ and -, parts separated"
                + " by dots, e.g. crm.customers";
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url.scheme() + "://" + url.host() + "/..., batchSize=" + batchSize
                + ", eventType=" + eventTypeBase + ", signed=" + signer.isPresent() + "]";
    }
}
