package dev.spoke.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsConfigTest {
    private static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/alertsconfigtest";
    private static final Map<String, String> ENV = Map.of("SLACK_WEBHOOK_URL", SLACK_URL);
    private static final String CONNECTIONS = """
            connections:
              ops_webhook: { type: webhook, url: https://hooks.example.com/ops }
              crm_file: { type: file, path: out/crm.jsonl }
            """;

    @TempDir
    Path project;

    private SpokeConfigResult read(String alerts) throws IOException {
        Files.writeString(project.resolve("spoke.yml"), CONNECTIONS + alerts);
        return SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(ENV)));
    }

    @Test
    void readsSlackAndWebhookAlertsWithTheirTriggersThresholdsAndConnections() throws IOException {
        SpokeConfigResult result = read("""
                alerts:
                  - on: failure
                    slack_webhook_url: "{{ env_var('SLACK_WEBHOOK_URL') }}"
                  - on: rejected_rows
                    threshold: 100
                    connections: [crm_file]
                    to: ops_webhook
                  - { on: stale, to: ops_webhook, connections: crm_file }
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().alerts()).extracting(AlertRule::on, AlertRule::threshold, AlertRule::to,
                AlertRule::connections).containsExactly(
                tuple(AlertRule.Trigger.FAILURE, 0L, null, java.util.List.of()),
                tuple(AlertRule.Trigger.REJECTED_ROWS, 100L, "ops_webhook", java.util.List.of("crm_file")),
                tuple(AlertRule.Trigger.STALE, 0L, "ops_webhook", java.util.List.of("crm_file")));
        AlertRule slack = result.config().alerts().get(0);
        assertThat(slack.slack().orElseThrow().reveal()).isEqualTo(SLACK_URL);
        assertThat(slack.toString()).doesNotContain(SLACK_URL);
        assertThat(result.config().alerts().get(1).watches("ops_webhook")).isFalse();
        assertThat(slack.watches("anything")).isTrue();
    }

    @Test
    void reportsEveryProblemOfEveryEntryWithItsKey() throws IOException {
        SpokeConfigResult result = read("""
                alerts:
                  - { on: failur, slack_webhook_url: "{{ env_var('SLACK_WEBHOOK_URL') }}" }
                  - { on: failure, slack_webhook_url: "https://hooks.slack.com/services/T/B/literal" }
                  - { on: failure }
                  - { on: failure, to: crm_file }
                  - { on: failure, to: ops_hook }
                  - { on: stale, to: ops_webhook, threshold: 3 }
                  - { on: rejected_rows, threshold: -1, to: ops_webhook }
                  - { on: failure, to: ops_webhook, connections: [nope], colour: red }
                  - { on: failure, to: ops_webhook, slack_webhook_url: "{{ env_var('SLACK_WEBHOOK_URL') }}" }
                  - { on: failure, slack_webhook_url: "{{ env_var('MISSING_SLACK_URL') }}" }
                """);

        assertThat(result.config().alerts()).isEmpty();
        assertThat(result.problems()).extracting(Problem::key, Problem::code).containsExactly(
                tuple("alerts[0].on", "invalid-value"),
                tuple("alerts[1].slack_webhook_url", "invalid-value"),
                tuple("alerts[2]", "missing-key"),
                tuple("alerts[3].to", "invalid-value"),
                tuple("alerts[4].to", "unknown-connection"),
                tuple("alerts[5].threshold", "invalid-value"),
                tuple("alerts[6].threshold", "invalid-value"),
                tuple("alerts[7].colour", "unknown-key"),
                tuple("alerts[8]", "invalid-value"),
                tuple("alerts[9].slack_webhook_url", "missing-env-var"));
        assertThat(result.problems().get(0).message()).contains("did you mean 'failure'");
        assertThat(result.problems().get(1).message()).contains("env_var");
        assertThat(result.problems()).allSatisfy(problem -> assertThat(problem.render())
                .doesNotContain("literal").doesNotContain(SLACK_URL));
    }

    @Test
    void alertsMustBeAList() throws IOException {
        SpokeConfigResult result = read("alerts: { on: failure }\n");

        assertThat(result.problems()).extracting(Problem::key, Problem::code)
                .containsExactly(tuple("alerts", "invalid-value"));
    }

    @Test
    void theReferenceDocsListTheAlertKeys() {
        assertThat(SpokeYmlSettings.documentation()).extracting(SpokeYmlSettings.SettingDoc::key)
                .contains("alerts[].on", "alerts[].threshold", "alerts[].to", "alerts[].slack_webhook_url",
                        "alerts[].connections");
    }
}
