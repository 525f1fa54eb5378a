package dev.spoke.config;

import java.util.List;

/** Collects the keys of one {@code alerts:} entry of spoke.yml. */
final class AlertRuleBuilder {
    String on;
    Long threshold;
    String to;
    Secret slackWebhookUrl;
    List<String> connections = List.of();
}
