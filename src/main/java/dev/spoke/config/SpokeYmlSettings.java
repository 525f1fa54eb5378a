package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The settings blocks of spoke.yml, declared as data: {@code state:}, each entry of {@code alerts:},
 * {@code network:}, and per connection {@code rate_limit:} and {@code delivery:}. {@link SpokeConfigReader} parses with these tables and {@link #documentation()} renders them for
 * the reference docs, so the two cannot drift.
 */
public final class SpokeYmlSettings {
    static final SettingsBlock<DeliverySettingsBuilder> RATE_LIMIT = new SettingsBlock<>("rate_limit", List.of(
            SettingKey.<DeliverySettingsBuilder>of("requests_per_second", SettingType.DECIMAL,
                    "Most requests per second sent to this connection; unset for no client-side limit",
                    b -> b.requestsPerSecond.isPresent() ? b.requestsPerSecond.getAsDouble() : null,
                    (b, v) -> b.requestsPerSecond = OptionalDouble.of((Double) v)).atLeast(0.001),
            SettingKey.<DeliverySettingsBuilder>of("requests_per_window", SettingType.WHOLE_NUMBER,
                    "Most requests per window (an API quota such as 100 per 10s); unset for none",
                    b -> b.requestsPerWindow.isPresent() ? b.requestsPerWindow.getAsLong() : null,
                    (b, v) -> b.requestsPerWindow = OptionalLong.of((Long) v)).atLeast(1),
            SettingKey.<DeliverySettingsBuilder>of("window", SettingType.DURATION,
                    "The window of requests_per_window",
                    b -> b.window, (b, v) -> b.window = (Duration) v),
            SettingKey.<DeliverySettingsBuilder>of("concurrency", SettingType.WHOLE_NUMBER,
                    "Most requests in flight to this connection at once",
                    b -> (long) b.concurrency, (b, v) -> b.concurrency = Math.toIntExact((Long) v))
                    .between(1, Integer.MAX_VALUE)));

    static final SettingsBlock<DeliverySettingsBuilder> DELIVERY = new SettingsBlock<>("delivery", List.of(
            SettingKey.<DeliverySettingsBuilder>of("timeout", SettingType.DURATION,
                    "Read and write timeout of one request",
                    b -> b.timeout, (b, v) -> b.timeout = (Duration) v),
            SettingKey.<DeliverySettingsBuilder>of("connect_timeout", SettingType.DURATION,
                    "Connect timeout of one request",
                    b -> b.connectTimeout, (b, v) -> b.connectTimeout = (Duration) v),
            SettingKey.<DeliverySettingsBuilder>of("max_attempts", SettingType.WHOLE_NUMBER,
                    "Attempts per request, the first included",
                    b -> (long) b.maxAttempts, (b, v) -> b.maxAttempts = Math.toIntExact((Long) v))
                    .between(1, Integer.MAX_VALUE),
            SettingKey.<DeliverySettingsBuilder>of("initial_backoff", SettingType.DURATION,
                    "The first wait before a retry; doubled on each retry, with jitter",
                    b -> b.initialBackoff, (b, v) -> b.initialBackoff = (Duration) v),
            SettingKey.<DeliverySettingsBuilder>of("max_backoff", SettingType.DURATION,
                    "The longest backoff spoke picks itself; a longer Retry-After the destination asks for is"
                            + " still honoured while the run's time budget allows",
                    b -> b.maxBackoff, (b, v) -> b.maxBackoff = (Duration) v),
            SettingKey.<DeliverySettingsBuilder>of("circuit_breaker_failures", SettingType.WHOLE_NUMBER,
                    "Consecutive failed requests after which the connection counts as down for the run",
                    b -> (long) b.circuitBreakerFailures,
                    (b, v) -> b.circuitBreakerFailures = Math.toIntExact((Long) v)).between(1, Integer.MAX_VALUE),
            SettingKey.<DeliverySettingsBuilder>of("max_rejected_rows", SettingType.WHOLE_NUMBER,
                    "Rejected rows above which the export fails the run; unset for no limit",
                    b -> b.maxRejectedRows.isPresent() ? b.maxRejectedRows.getAsLong() : null,
                    (b, v) -> b.maxRejectedRows = OptionalLong.of((Long) v)).atLeast(0),
            SettingKey.<DeliverySettingsBuilder>of("max_rejected_percent", SettingType.DECIMAL,
                    "Rejected percentage of sent rows above which the export fails the run; unset for no limit",
                    b -> b.maxRejectedPercent.isPresent() ? b.maxRejectedPercent.getAsDouble() : null,
                    (b, v) -> b.maxRejectedPercent = OptionalDouble.of((Double) v)).between(0, 100)));

    static final SettingsBlock<StateSettingsBuilder> STATE = new SettingsBlock<>("state", List.of(
            SettingKey.<StateSettingsBuilder>choice("backend", List.of("warehouse", "local"),
                    "Where delivery state is kept: tables in the warehouse (the diff runs there), or a local file"
                            + " under target/ for read-only warehouses",
                    b -> b.backend, (b, v) -> b.backend = (String) v),
            SettingKey.<StateSettingsBuilder>of("schema", SettingType.TEXT,
                    "The warehouse schema of spoke's state tables",
                    b -> b.schema, (b, v) -> b.schema = (String) v),
            SettingKey.<StateSettingsBuilder>of("database", SettingType.TEXT,
                    "The warehouse database (catalog) of spoke's state tables; unset for the profile's own",
                    b -> b.database, (b, v) -> b.database = (String) v),
            SettingKey.<StateSettingsBuilder>of("sync_log_retention", SettingType.DURATION,
                    "How long rows of spoke.sync_log are kept",
                    b -> b.syncLogRetention, (b, v) -> b.syncLogRetention = (Duration) v)));

    static final SettingsBlock<AlertRuleBuilder> ALERT = new SettingsBlock<>("alerts", List.of(
            SettingKey.<AlertRuleBuilder>choice("on", AlertRule.Trigger.configNames(),
                    "What sets the alert off: a failed run, more rejected or invalid rows than the threshold, or every"
                            + " watched export skipped as stale",
                    b -> b.on, (b, v) -> b.on = (String) v),
            SettingKey.<AlertRuleBuilder>of("threshold", SettingType.WHOLE_NUMBER,
                    "For on: rejected_rows, alert when more rows than this were rejected or invalid in the run",
                    b -> b.threshold == null ? 0L : b.threshold, (b, v) -> b.threshold = (Long) v).atLeast(0),
            SettingKey.<AlertRuleBuilder>of("to", SettingType.TEXT,
                    "A webhook connection of spoke.yml to post the alert to, as a signed spoke.alert event",
                    b -> b.to, (b, v) -> b.to = (String) v),
            SettingKey.<AlertRuleBuilder>of("slack_webhook_url", SettingType.SECRET_URL,
                    "A Slack incoming webhook URL to post the alert to; it is a credential, so read it with env_var()."
                            + " Its host is checked against the network policy",
                    b -> null, (b, v) -> b.slackWebhookUrl = (Secret) v),
            SettingKey.<AlertRuleBuilder>of("connections", SettingType.TEXT_LIST,
                    "The connections whose exports the alert watches; unset for every one",
                    b -> null, (b, v) -> b.connections = castList(v))));

    static final SettingsBlock<NetworkSettingsBuilder> NETWORK = new SettingsBlock<>("network", List.of(
            SettingKey.<NetworkSettingsBuilder>of("deny_private", SettingType.BOOLEAN,
                    "Also refuse loopback and private addresses (127.0.0.0/8, ::1, localhost, 10.0.0.0/8,"
                            + " 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7) for every HTTP destination and"
                            + " alert, at validate and at connect time. Link-local, cloud metadata, unspecified,"
                            + " multicast, broadcast and reserved addresses are refused whatever this says",
                    b -> b.denyPrivate, (b, v) -> b.denyPrivate = (Boolean) v)));

    /** The keys of a connection that are not options of its destination type. */
    static final List<String> CONNECTION_KEYS = List.of("type", RATE_LIMIT.name(), DELIVERY.name());

    private SpokeYmlSettings() {
    }

    /**
     * One documented key of spoke.yml.
     *
     * @param key the full key, e.g. {@code connections.<name>.delivery.timeout}
     * @param type {@code duration}, {@code whole number}, {@code number}, {@code text} or {@code one of a | b}
     * @param defaultValue the default as written in YAML, or {@code null} when unset by default
     * @param description what it means
     */
    public record SettingDoc(String key, String type, String defaultValue, String description) {
        public SettingDoc {
            requireNonNull(key, "key is null");
            requireNonNull(type, "type is null");
            requireNonNull(description, "description is null");
        }
    }

    /** Every settings key of spoke.yml with its type, default and meaning, in file order, for the reference docs. */
    public static List<SettingDoc> documentation() {
        List<SettingDoc> docs = new ArrayList<>();
        document(RATE_LIMIT, "connections.<name>.rate_limit", new DeliverySettingsBuilder(), docs);
        document(DELIVERY, "connections.<name>.delivery", new DeliverySettingsBuilder(), docs);
        document(STATE, "state", new StateSettingsBuilder(), docs);
        document(ALERT, "alerts[]", new AlertRuleBuilder(), docs);
        document(NETWORK, "network", new NetworkSettingsBuilder(), docs);
        return List.copyOf(docs);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private static <B> void document(SettingsBlock<B> block, String prefix, B defaults, List<SettingDoc> docs) {
        for (SettingKey<B> key : block.keys()) {
            Object value = key.getter().apply(defaults);
            String text = value instanceof Duration duration ? DurationText.format(duration)
                    : value == null ? null : String.valueOf(value);
            docs.add(new SettingDoc(prefix + "." + key.name(), key.expectation(), text, key.description()));
        }
    }
}
