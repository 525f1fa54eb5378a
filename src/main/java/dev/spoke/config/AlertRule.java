package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of spoke.yml's {@code alerts:} list: when a sync should tell someone, and where.
 *
 * <pre>{@code
 * alerts:
 *   - on: failure                     # failure | rejected_rows | stale
 *     slack_webhook_url: "{{ env_var('SPOKE_SLACK_WEBHOOK_URL') }}"
 *   - on: rejected_rows
 *     threshold: 100                  # more than 100 rows rejected or invalid
 *     connections: [crm]              # only exports to these connections (default: every one)
 *     to: ops_webhook                 # a webhook connection of spoke.yml
 * }</pre>
 *
 * @param index the entry's position in the list, for messages ({@code alerts[0]})
 * @param on what sets it off
 * @param threshold for {@link Trigger#REJECTED_ROWS}: alert when more rows than this were rejected or invalid
 * @param to the webhook connection to post to, or {@code null} when {@code slackWebhookUrl} is set
 * @param slackWebhookUrl a Slack incoming webhook (a secret: the URL is the credential), or {@code null}
 * @param connections the connections whose exports the rule watches; empty for every one
 */
public record AlertRule(
        int index, Trigger on, long threshold, String to, Secret slackWebhookUrl, List<String> connections) {

    /** What sets an alert off. */
    public enum Trigger {
        /** The run failed: an export ended in error, or the run stopped on an error (exit code 1, 2, 3, 4 or 70). */
        FAILURE,
        /** More rows than the threshold were rejected by a destination or invalid, over the watched exports. */
        REJECTED_ROWS,
        /** Every watched export was skipped because dbt did not just build its model (exit code 5). */
        STALE;

        /** As written in spoke.yml. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<String> configNames() {
            return java.util.Arrays.stream(values()).map(Trigger::configName).toList();
        }

        static Trigger fromConfigName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public AlertRule {
        requireNonNull(on, "on is null");
        if ((to == null) == (slackWebhookUrl == null)) {
            throw new IllegalArgumentException("an alert goes either to a connection or to a Slack webhook");
        }
        connections = List.copyOf(connections);
    }

    /** Where the alert goes, for messages: {@code connection ops_webhook} or {@code Slack}. */
    public String target() {
        return to != null ? "connection " + to : "Slack";
    }

    public Optional<Secret> slack() {
        return Optional.ofNullable(slackWebhookUrl);
    }

    /** Whether the rule watches exports to {@code connection}. */
    public boolean watches(String connection) {
        return connections.isEmpty() || connections.contains(connection);
    }

    /** {@code alerts[0]}. */
    public String key() {
        return "alerts[" + index + "]";
    }
}
