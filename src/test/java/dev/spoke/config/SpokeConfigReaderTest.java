package dev.spoke.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.delivery.DeliverySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpokeConfigReaderTest {
    private static final String MAILCHIMP_KEY = "0123456789abcdef0123456789abcdef-us21";
    private static final String HOOK_SECRET = "hook-signing-secret-value";
    private static final Map<String, String> ENV = Map.of(
            "MAILCHIMP_API_KEY", MAILCHIMP_KEY, "SUPPORT_HOOK_SECRET", HOOK_SECRET);

    @TempDir
    Path project;

    private SpokeConfigResult read(String yaml) throws IOException {
        return read("spoke.yml", yaml, ENV);
    }

    private SpokeConfigResult read(String fileName, String yaml, Map<String, String> env) throws IOException {
        Files.writeString(project.resolve(fileName), yaml);
        return SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(env)));
    }

    @Test
    void aProjectWithoutSpokeYmlHasAnEmptyConfigAndNoProblem() {
        SpokeConfigResult result = SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(ENV)));

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().connections()).isEmpty();
        assertThat(result.config().state()).isEqualTo(StateSettings.DEFAULTS);
        assertThat(result.config().file()).isNull();
    }

    @Test
    void readsConnectionsSettingsAndStateRenderingSecretsFromTheEnvironment() throws IOException {
        SpokeConfigResult result = read("""
                connections:
                  marketing_mailchimp:
                    type: mailchimp
                    api_key: "{{ env_var('MAILCHIMP_API_KEY') }}"
                    rate_limit: { requests_per_second: 2.5, requests_per_window: 100, window: 10s, concurrency: 10 }
                    delivery: { timeout: 20s, connect_timeout: 500ms, max_attempts: 7, initial_backoff: 2s,
                                max_backoff: 2m, circuit_breaker_failures: 3, max_rejected_rows: 0,
                                max_rejected_percent: 5 }
                  support_webhook:
                    type: webhook
                    url: https://hooks.example.com/at-risk
                    signing_secret: "{{ env_var('SUPPORT_HOOK_SECRET') }}"
                    headers: { X-Team: support }
                state:
                  backend: local
                  schema: spoke_state
                  database: analytics
                  sync_log_retention: 30d
                """);

        assertThat(result.problems()).isEmpty();
        SpokeConfig config = result.config();
        assertThat(config.fileName()).isEqualTo("spoke.yml");
        assertThat(config.connections()).containsOnlyKeys("marketing_mailchimp", "support_webhook");

        ConnectionSpec mailchimp = config.connection("marketing_mailchimp").orElseThrow();
        assertThat(mailchimp.type()).isEqualTo("mailchimp");
        assertThat(mailchimp.options()).containsOnlyKeys("api_key");
        Secret apiKey = (Secret) mailchimp.options().get("api_key");
        assertThat(apiKey.reveal()).isEqualTo(MAILCHIMP_KEY);
        assertThat(apiKey.source()).isEqualTo("env_var('MAILCHIMP_API_KEY')");
        assertThat(mailchimp.delivery()).isEqualTo(new DeliverySettings(Duration.ofSeconds(20),
                Duration.ofMillis(500), 7, Duration.ofSeconds(2), Duration.ofMinutes(2), OptionalDouble.of(2.5),
                OptionalLong.of(100), Duration.ofSeconds(10), 10, 3, OptionalLong.of(0), OptionalDouble.of(5)));

        ConnectionSpec webhook = config.connection("support_webhook").orElseThrow();
        assertThat(webhook.options().get("url")).isEqualTo("https://hooks.example.com/at-risk");
        assertThat(webhook.options().get("signing_secret")).isInstanceOf(Secret.class);
        assertThat(webhook.options().get("headers")).isEqualTo(Map.of("X-Team", "support"));
        assertThat(webhook.delivery()).isEqualTo(DeliverySettings.DEFAULTS);

        assertThat(config.state()).isEqualTo(new StateSettings("local", "spoke_state", "analytics", Duration.ofDays(30)));
    }

    @Test
    void secretsNeverAppearInTheConfigsText() throws IOException {
        SpokeConfig config = read("""
                connections:
                  crm: { type: mailchimp, api_key: "{{ env_var('MAILCHIMP_API_KEY') }}",
                         headers: { Authorization: "Bearer {{ env_var('SUPPORT_HOOK_SECRET') }}" } }
                """).config();

        assertThat(config.toString()).doesNotContain(MAILCHIMP_KEY).doesNotContain(HOOK_SECRET).contains("[hidden]");
    }

    @Test
    void acceptsSpokeYaml() throws IOException {
        SpokeConfigResult result = read("spoke.yaml", "connections: { hook: { type: webhook, url: http://x } }", ENV);

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().fileName()).isEqualTo("spoke.yaml");
        assertThat(result.config().connections()).containsOnlyKeys("hook");
    }

    @Test
    void aMissingEnvVarIsAProblemNamingConnectionAndVariableAndTheOptionIsLeftOut() throws IOException {
        SpokeConfigResult result = read("spoke.yml", """
                connections:
                  marketing_mailchimp:
                    type: mailchimp
                    api_key: "{{ env_var('MAILCHIMP_API_KEY') }}"
                    server: us21
                """, Map.of());

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("missing-env-var");
            assertThat(problem.file()).isEqualTo("spoke.yml");
            assertThat(problem.model()).isNull();
            assertThat(problem.key()).isEqualTo("connections.marketing_mailchimp.api_key");
            assertThat(problem.message()).contains("connection 'marketing_mailchimp'", "MAILCHIMP_API_KEY",
                    "not set");
            assertThat(problem.hint()).contains("export MAILCHIMP_API_KEY=", "env_var('MAILCHIMP_API_KEY', ");
        });
        assertThat(result.config().connection("marketing_mailchimp").orElseThrow().options())
                .containsOnlyKeys("server");
    }

    @Test
    void anEnvVarWithADefaultIsNoProblem() throws IOException {
        SpokeConfigResult result = read("spoke.yml",
                "connections: { hook: { type: webhook, url: \"{{ env_var('HOOK_URL', 'http://localhost') }}\" } }",
                Map.of());

        assertThat(result.problems()).isEmpty();
        assertThat(((Secret) result.config().connection("hook").orElseThrow().options().get("url")).reveal())
                .isEqualTo("http://localhost");
    }

    @Test
    void settingsMayComeFromTheEnvironmentAsText() throws IOException {
        SpokeConfigResult result = read("spoke.yml", """
                connections:
                  hook:
                    type: webhook
                    rate_limit: { requests_per_second: "{{ env_var('RPS') }}" }
                """, Map.of("RPS", "12"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().connection("hook").orElseThrow().delivery().requestsPerSecond())
                .isEqualTo(OptionalDouble.of(12));
    }

    @Test
    void badJinjaIsAProblemNotAnException() throws IOException {
        SpokeConfigResult result = read("connections: { hook: { type: webhook, url: \"{{ env_var('X' }}\" } }");

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("invalid-template");
            assertThat(problem.key()).isEqualTo("connections.hook.url");
            assertThat(problem.hint()).contains("env_var()");
        });
    }

    @Test
    void unknownKeysAreProblemsWithDidYouMean() throws IOException {
        SpokeConfigResult result = read("""
                conections: {}
                connections:
                  hook:
                    type: webhook
                    rate_limit: { requests_per_secnd: 10 }
                    delivery: { max_attempt: 3 }
                state: { schema: spoke, backnd: local }
                """);

        assertThat(result.problems()).extracting(Problem::code).containsOnly("unknown-key");
        assertThat(result.problems()).extracting(Problem::key).containsExactly(
                "conections", "connections.hook.delivery.max_attempt",
                "connections.hook.rate_limit.requests_per_secnd", "state.backnd");
        assertThat(result.problems()).extracting(Problem::message).containsExactly(
                "unknown key 'conections' (did you mean 'connections'?)",
                "unknown key 'max_attempt' in delivery (did you mean 'max_attempts'?)",
                "unknown key 'requests_per_secnd' in rate_limit (did you mean 'requests_per_second'?)",
                "unknown key 'backnd' in state (did you mean 'backend'?)");
        assertThat(result.problems().get(3).hint()).isEqualTo("state takes: backend, schema, database, sync_log_retention");
    }

    @Test
    void aConnectionWithoutTypeIsAProblemAndIsLeftOut() throws IOException {
        SpokeConfigResult result = read("connections: { hook: { url: http://x }, crm: { type: mailchimp } }");

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("missing-type");
            assertThat(problem.key()).isEqualTo("connections.hook.type");
            assertThat(problem.message()).contains("connection 'hook' has no type");
            assertThat(problem.hint()).contains("type: webhook");
        });
        assertThat(result.config().connections()).containsOnlyKeys("crm");
    }

    @Test
    void badValuesAreProblemsSayingWhatIsExpected() throws IOException {
        SpokeConfigResult result = read("""
                connections:
                  hook:
                    type: webhook
                    rate_limit: { concurrency: 0, window: soon }
                    delivery: { max_attempts: many, max_rejected_percent: 150, initial_backoff: 2m, max_backoff: 1m }
                state: { backend: warehous, sync_log_retention: 30 days }
                """);

        assertThat(result.problems()).extracting(Problem::code).containsOnly("invalid-value");
        assertThat(result.problems()).extracting(Problem::key, Problem::message).containsExactly(
                tuple("connections.hook.delivery.initial_backoff",
                        "initial_backoff (2m) is longer than max_backoff (1m)"),
                tuple("connections.hook.delivery.max_attempts",
                        "expected a whole number, got 'many'"),
                tuple("connections.hook.delivery.max_rejected_percent",
                        "must be between 0 and 100, got 150"),
                tuple("connections.hook.rate_limit.concurrency",
                        "must be between 1 and 2147483647, got 0"),
                tuple("connections.hook.rate_limit.window",
                        "expected a duration such as 30s, 500ms, 5m, 2h or 30d, got 'soon'"),
                tuple("state.backend",
                        "'warehous' is not one of warehouse | local (did you mean 'warehouse'?)"),
                tuple("state.sync_log_retention",
                        "expected a duration such as 30s, 500ms, 5m, 2h or 30d, got '30 days'"));
        assertThat(result.problems()).allSatisfy(problem -> assertThat(problem.hint()).startsWith(
                problem.key().endsWith("initial_backoff") ? "Make" : "Set"));
        assertThat(result.config().state()).isEqualTo(StateSettings.DEFAULTS);
    }

    @Test
    void malformedYamlIsOneConfigErrorNamingFileLineAndColumn() throws IOException {
        Files.writeString(project.resolve("spoke.yml"), """
                connections:
                  hook:
                    type: webhook
                   url: [unclosed
                """);

        assertThatThrownBy(() -> SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(ENV))))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
                    assertThat(e.getMessage()).startsWith("spoke.yml line ").contains("column", "not valid YAML");
                    assertThat(e.hint()).contains("indentation");
                });
    }

    @Test
    void aDuplicateKeyIsMalformed() throws IOException {
        Files.writeString(project.resolve("spoke.yml"), """
                connections:
                  hook: { type: webhook }
                  hook: { type: mailchimp }
                """);

        assertThatThrownBy(() -> SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(ENV))))
                .isInstanceOfSatisfying(SpokeException.class, e ->
                        assertThat(e.getMessage()).startsWith("spoke.yml line 3, column").contains("hook"));
    }

    @Test
    void anEmptyFileIsAnEmptyConfig() throws IOException {
        SpokeConfigResult result = read("# nothing yet\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().connections()).isEmpty();
        assertThat(result.config().fileName()).isEqualTo("spoke.yml");
    }

    @Test
    void documentationComesFromTheSameTablesAsParsing() {
        assertThat(SpokeYmlSettings.documentation())
                .anySatisfy(doc -> {
                    assertThat(doc.key()).isEqualTo("connections.<name>.delivery.timeout");
                    assertThat(doc.defaultValue()).isEqualTo("30s");
                    assertThat(doc.type()).isEqualTo("a duration");
                })
                .anySatisfy(doc -> {
                    assertThat(doc.key()).isEqualTo("state.sync_log_retention");
                    assertThat(doc.defaultValue()).isEqualTo("30d");
                })
                .anySatisfy(doc -> {
                    assertThat(doc.key()).isEqualTo("state.backend");
                    assertThat(doc.type()).isEqualTo("one of warehouse | local");
                })
                .anySatisfy(doc -> {
                    assertThat(doc.key()).isEqualTo("connections.<name>.rate_limit.requests_per_second");
                    assertThat(doc.defaultValue()).isNull();
                });
    }
}
