package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.config.TemplatedValues.Scope;
import dev.spoke.destination.OptionValidator;
import dev.spoke.network.AddressPolicy;
import dev.spoke.network.OutboundUrls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads spoke.yml's {@code alerts:} list into {@link AlertRule}s: each entry's keys through the declared
 * {@link SpokeYmlSettings#ALERT} table, then the checks across keys (a trigger is set; the alert goes to exactly one of
 * a webhook connection or Slack; the connections it names exist; the network policy allows the Slack URL's host). A
 * webhook connection's URL is checked with the connection's other options. An entry with a problem gives no rule.
 */
final class AlertsReader {
    static final String KEY = "alerts";
    private static final String SLACK_KEY = "slack_webhook_url";
    private static final String ALERT_CONNECTION_TYPE = "webhook";

    private final TemplatedValues values;
    private final String file;
    private final ProblemCollector problems;
    private final Map<String, ConnectionSpec> connections;
    private final AddressPolicy network;

    AlertsReader(TemplatedValues values, String file, ProblemCollector problems,
            Map<String, ConnectionSpec> connections, AddressPolicy network) {
        this.values = requireNonNull(values, "values is null");
        this.file = requireNonNull(file, "file is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.network = requireNonNull(network, "network is null");
    }

    List<AlertRule> read(JsonNode node) {
        if (!node.isArray()) {
            problems.add("invalid-value", null, file, KEY, "alerts must be a list of alert entries",
                    "Write alerts: then, indented, one entry per alert: - { on: failure, slack_webhook_url:"
                            + " \"{{ env_var('SLACK_WEBHOOK_URL') }}\" }");
            return List.of();
        }
        List<AlertRule> rules = new ArrayList<>();
        for (int index = 0; index < node.size(); index++) {
            readEntry(index, node.get(index)).ifPresent(rules::add);
        }
        return rules;
    }

    private java.util.Optional<AlertRule> readEntry(int index, JsonNode entry) {
        String key = KEY + "[" + index + "]";
        if (!entry.isObject()) {
            problems.add("invalid-value", null, file, key, "an alert must be a mapping of on:, and to: or "
                    + SLACK_KEY + ":", "Write it as - { on: failure, to: ops_webhook }");
            return java.util.Optional.empty();
        }
        Scope scope = new Scope(key, "alert " + index);
        Map<String, Object> raw = new LinkedHashMap<>();
        entry.properties().forEach(field -> raw.put(field.getKey(),
                values.toJava(field.getValue(), scope, field.getKey(), field.getKey().equals(SLACK_KEY))));
        AlertRuleBuilder rule = new AlertRuleBuilder();
        SpokeYmlSettings.ALERT.read(raw, rule, file, key, problems);
        if (problems.anyAtOrBelow(file, null, key)) {
            return java.util.Optional.empty();
        }
        boolean clean = checkTrigger(rule, key) & checkTarget(rule, key, raw.containsKey(SLACK_KEY))
                & checkConnections(rule, key);
        if (!clean) {
            return java.util.Optional.empty();
        }
        AlertRule.Trigger trigger = AlertRule.Trigger.fromConfigName(rule.on);
        return java.util.Optional.of(new AlertRule(index, trigger, rule.threshold == null ? 0 : rule.threshold,
                rule.to, rule.slackWebhookUrl, rule.connections));
    }

    private boolean checkTrigger(AlertRuleBuilder rule, String key) {
        if (rule.on == null) {
            problems.add("missing-key", null, file, key + ".on", "the alert does not say when to fire",
                    "Add on: with one of " + String.join(" | ", AlertRule.Trigger.configNames()));
            return false;
        }
        if (rule.threshold != null && !rule.on.equals(AlertRule.Trigger.REJECTED_ROWS.configName())) {
            problems.add("invalid-value", null, file, key + ".threshold",
                    "threshold applies to on: rejected_rows only, not to on: " + rule.on,
                    "Remove threshold, or set on: rejected_rows");
            return false;
        }
        return true;
    }

    private boolean checkTarget(AlertRuleBuilder rule, String key, boolean slackGiven) {
        if (rule.to != null && slackGiven) {
            problems.add("invalid-value", null, file, key, "the alert sets both to: and " + SLACK_KEY + ":",
                    "Keep one: write two alerts to send to both");
            return false;
        }
        if (rule.to == null && !slackGiven) {
            problems.add("missing-key", null, file, key, "the alert does not say where to go",
                    "Add to: <a webhook connection>, or " + SLACK_KEY + ": \"{{ env_var('SLACK_WEBHOOK_URL') }}\"");
            return false;
        }
        if (rule.to == null) {
            return rule.slackWebhookUrl != null && AddressProblems.checkHost(
                    OutboundUrls.parse(rule.slackWebhookUrl.reveal(), true).host(), network, "alert " + key,
                    SLACK_KEY, null, file, key + "." + SLACK_KEY, problems);
        }
        ConnectionSpec target = connections.get(rule.to);
        if (target == null) {
            problems.add("unknown-connection", null, file, key + ".to", "the alert goes to connection '" + rule.to
                    + "', which spoke.yml does not define" + OptionValidator.suggestion(rule.to, connections.keySet()),
                    "Name a webhook connection of spoke.yml, or use " + SLACK_KEY);
            return false;
        }
        if (!target.type().equals(ALERT_CONNECTION_TYPE)) {
            problems.add("invalid-value", null, file, key + ".to", "the alert goes to connection '" + rule.to
                    + "' of type " + target.type() + "; alerts go to webhook connections or to Slack",
                    "Name a connection of type webhook, or use " + SLACK_KEY);
            return false;
        }
        return true;
    }

    private boolean checkConnections(AlertRuleBuilder rule, String key) {
        boolean clean = true;
        for (String name : rule.connections) {
            if (!connections.containsKey(name)) {
                problems.add("unknown-connection", null, file, key + ".connections", "the alert watches connection '"
                        + name + "', which spoke.yml does not define"
                        + OptionValidator.suggestion(name, connections.keySet()),
                        "List connections of spoke.yml, or remove connections: to watch every export");
                clean = false;
            }
        }
        return clean;
    }
}
