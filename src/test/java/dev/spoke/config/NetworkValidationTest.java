package dev.spoke.config;

import static dev.spoke.config.ModelFixture.manifest;
import static dev.spoke.config.ModelFixture.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spoke.dbt.Model;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.SyncMode;
import dev.spoke.network.AddressPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code spoke validate --offline} refuses in the URLs of spoke.yml: schemes, credentials, and hosts the network
 * policy refuses as written (no DNS), for webhook connections and Slack alerts alike.
 */
class NetworkValidationTest {
    private static final String SLACK_SECRET_PART = "T000/B000/network-validation-test";

    @TempDir
    Path project;

    private Discovery validate(String spokeYml, Map<String, String> env) throws IOException {
        Files.writeString(project.resolve("spoke.yml"), spokeYml);
        SpokeConfigResult config = SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(env)));
        return ExportBinder.discover(manifest(model("at_risk").columns("id").uniqueKey("id")
                .meta("destinations: [{ to: hook }]").build()), config, DestinationRegistry.load(), project);
    }

    private Discovery validate(String spokeYml) throws IOException {
        return validate(spokeYml, Map.of());
    }

    @Test
    void refusesMetadataAndOtherNeverUsedAddressesInEveryNotationNamingConnectionAndHost() throws IOException {
        Discovery discovery = validate("""
                connections:
                  hook: { type: webhook, url: "http://169.254.169.254/latest/meta-data/" }
                  hex: { type: webhook, url: "http://0xA9FEA9FE/" }
                  decimal: { type: webhook, url: "http://2852039166/" }
                  octal: { type: webhook, url: "http://0251.0376.0251.0376/" }
                  short: { type: webhook, url: "http://169.254.43518/" }
                  mapped: { type: webhook, url: "http://[::ffff:169.254.169.254]/" }
                  ecs: { type: webhook, url: "http://169.254.170.2/v2/credentials" }
                  gcp: { type: webhook, url: "http://metadata.google.internal./computeMetadata/v1/" }
                  ipv6: { type: webhook, url: "http://[fd00:ec2::254]/" }
                  linklocal: { type: webhook, url: "http://[fe80::1]:8080/" }
                  anywhere: { type: webhook, url: "http://0.0.0.0:8080/" }
                  multicast: { type: webhook, url: "http://224.0.0.1/" }
                """);

        assertThat(discovery.problems()).allSatisfy(problem -> {
            assertThat(problem.code()).isEqualTo("refused-address");
            assertThat(problem.file()).isEqualTo("spoke.yml");
            assertThat(problem.hint()).startsWith("Point url at the receiver's own address");
        }).extracting(Problem::key, Problem::message).containsExactly(
                tuple("connections.anywhere.url", "connection 'anywhere': url host 0.0.0.0 is an unspecified address,"
                        + " where spoke never sends"),
                tuple("connections.decimal.url", "connection 'decimal': url host 2852039166 is a cloud metadata"
                        + " address, where spoke never sends"),
                tuple("connections.ecs.url", "connection 'ecs': url host 169.254.170.2 is a cloud metadata address,"
                        + " where spoke never sends"),
                tuple("connections.gcp.url", "connection 'gcp': url host metadata.google.internal. is a cloud"
                        + " metadata address, where spoke never sends"),
                tuple("connections.hex.url", "connection 'hex': url host 0xa9fea9fe is a cloud metadata address,"
                        + " where spoke never sends"),
                tuple("connections.hook.url", "connection 'hook': url host 169.254.169.254 is a cloud metadata"
                        + " address, where spoke never sends"),
                tuple("connections.ipv6.url", "connection 'ipv6': url host fd00:ec2::254 is a cloud metadata address,"
                        + " where spoke never sends"),
                tuple("connections.linklocal.url", "connection 'linklocal': url host fe80::1 is a link-local address,"
                        + " where spoke never sends"),
                tuple("connections.mapped.url", "connection 'mapped': url host 169.254.169.254 is a cloud metadata"
                        + " address, where spoke never sends"),
                tuple("connections.multicast.url", "connection 'multicast': url host 224.0.0.1 is a multicast address,"
                        + " where spoke never sends"),
                tuple("connections.octal.url", "connection 'octal': url host 0251.0376.0251.0376 is a cloud metadata"
                        + " address, where spoke never sends"),
                tuple("connections.short.url", "connection 'short': url host 169.254.43518 is a cloud metadata"
                        + " address, where spoke never sends"));
    }

    @Test
    void refusesOtherSchemesAndCredentialsFromTheUrlDeclaration() throws IOException {
        Discovery discovery = validate("""
                connections:
                  hook: { type: webhook, url: "file:///etc/passwd" }
                  gopher: { type: webhook, url: "gopher://x" }
                  creds: { type: webhook, url: "https://user:hunter2@hooks.example.com/" }
                """);

        assertThat(discovery.problems()).extracting(Problem::code, Problem::key).containsExactly(
                tuple("invalid-option", "connections.creds.url"),
                tuple("invalid-option", "connections.gopher.url"),
                tuple("invalid-option", "connections.hook.url"));
        assertThat(discovery.problems().get(0).message()).isEqualTo("option 'url': has credentials in it"
                + " (user:password@ before host hooks.example.com), which spoke never sends and which would sit in"
                + " plain text; remove them from the URL");
        assertThat(discovery.problems().get(0).hint()).contains("credentials go in bearer_token or"
                + " basic_username/basic_password");
        assertThat(discovery.problems().get(1).message()).startsWith("option 'url': 'gopher://x' has scheme gopher");
        assertThat(discovery.problems().get(2).message()).startsWith("option 'url': 'file:///etc/passwd' has scheme"
                + " file: spoke sends over http and https only");
        assertThat(ProblemReport.render(discovery.problems())).doesNotContain("hunter2");
    }

    @Test
    void allowsSelfHostedReceiversUnlessDenyPrivateIsSetAndLeavesNamesToTheResolver() throws IOException {
        String connections = """
                connections:
                  hook: { type: webhook, url: "http://127.0.0.1:8080/" }
                  local: { type: webhook, url: "http://localhost:8080/" }
                  lan: { type: webhook, url: "https://10.1.2.3/" }
                  ula: { type: webhook, url: "https://[fd12::1]/" }
                  public: { type: webhook, url: "https://hooks.example.com/" }
                """;
        assertThat(validate(connections).problems()).isEmpty();
        assertThat(validate(connections + "network: { deny_private: false }").problems()).isEmpty();

        Discovery denied = validate(connections + "network: { deny_private: true }");

        assertThat(denied.problems()).extracting(Problem::key).containsExactly("connections.hook.url",
                "connections.lan.url", "connections.local.url", "connections.ula.url");
        assertThat(denied.problems().get(0).message()).isEqualTo("connection 'hook': url host 127.0.0.1 is a"
                + " loopback address, refused because spoke.yml sets network.deny_private: true");
        assertThat(denied.problems().get(0).hint()).startsWith("Point url at a public address, or remove"
                + " network.deny_private from spoke.yml");
    }

    @Test
    void readsTheNetworkBlockAsDataAndRefusesUnknownKeysAndBadValues() throws IOException {
        Files.writeString(project.resolve("spoke.yml"), "network: { deny_private: \"true\" }\n");
        SpokeConfigResult read = SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(Map.of())));
        assertThat(read.problems()).isEmpty();
        assertThat(read.config().network()).isEqualTo(new AddressPolicy(true));

        Discovery discovery = validate("""
                connections:
                  hook: { type: webhook, url: "https://hooks.example.com/" }
                network: { deny_privat: true }
                """);
        Discovery badValue = validate("""
                connections:
                  hook: { type: webhook, url: "https://hooks.example.com/" }
                network: { deny_private: sometimes }
                networks: {}
                """);

        assertThat(discovery.problems()).extracting(Problem::code, Problem::key, Problem::message).containsExactly(
                tuple("unknown-key", "network.deny_privat", "unknown key 'deny_privat' in network (did you mean"
                        + " 'deny_private'?)"));
        assertThat(badValue.problems()).extracting(Problem::code, Problem::key).containsExactly(
                tuple("invalid-value", "network.deny_private"), tuple("unknown-key", "networks"));
        assertThat(badValue.problems().get(0).message()).isEqualTo("expected true or false, got 'sometimes'");
        assertThat(badValue.problems().get(1).hint()).contains("network");
    }

    @Test
    void checksTheSlackUrlOfAlertsWithoutPrintingIt() throws IOException {
        String spokeYml = """
                connections:
                  hook: { type: webhook, url: "https://hooks.example.com/" }
                alerts:
                  - { on: failure, slack_webhook_url: "{{ env_var('METADATA_URL') }}" }
                  - { on: failure, slack_webhook_url: "{{ env_var('FILE_URL') }}" }
                  - { on: failure, slack_webhook_url: "{{ env_var('PRIVATE_URL') }}" }
                  - { on: failure, slack_webhook_url: "{{ env_var('SLACK_URL') }}" }
                """;
        Map<String, String> env = Map.of("METADATA_URL", "http://169.254.169.254/" + SLACK_SECRET_PART,
                "FILE_URL", "file:///" + SLACK_SECRET_PART, "PRIVATE_URL", "http://10.0.0.1/" + SLACK_SECRET_PART,
                "SLACK_URL", "https://hooks.slack.com/services/" + SLACK_SECRET_PART);

        Discovery discovery = validate(spokeYml, env);
        Discovery denied = validate(spokeYml + "network: { deny_private: true }\n", env);

        assertThat(discovery.problems()).extracting(Problem::code, Problem::key, Problem::message).containsExactly(
                tuple("refused-address", "alerts[0].slack_webhook_url", "alert alerts[0]: slack_webhook_url host"
                        + " 169.254.169.254 is a cloud metadata address, where spoke never sends"),
                tuple("invalid-value", "alerts[1].slack_webhook_url", "(from env_var) has scheme file: spoke sends"
                        + " over http and https only; write the receiver's http(s) address, e.g."
                        + " https://hooks.example.com/spoke"));
        assertThat(denied.problems()).extracting(Problem::key).containsExactly("alerts[0].slack_webhook_url",
                "alerts[1].slack_webhook_url", "alerts[2].slack_webhook_url");
        assertThat(ProblemReport.render(denied.problems())).doesNotContain(SLACK_SECRET_PART);
    }

    @Test
    void aUrlFromAMissingVariableIsReportedOnceAsMissing() throws IOException {
        Discovery discovery = validate("""
                connections:
                  hook: { type: webhook, url: "{{ env_var('HOOK_URL') }}" }
                """);

        assertThat(discovery.problems()).extracting(Problem::code, Problem::key)
                .containsExactly(tuple("missing-env-var", "connections.hook.url"));
    }

    @Test
    void aUrlFromTheEnvironmentIsCheckedWithoutBeingPrinted() throws IOException {
        Discovery discovery = validate("""
                connections:
                  hook: { type: webhook, url: "{{ env_var('HOOK_URL') }}" }
                """, Map.of("HOOK_URL", "http://169.254.169.254/" + SLACK_SECRET_PART));

        assertThat(discovery.problems()).extracting(Problem::code, Problem::key)
                .containsExactly(tuple("refused-address", "connections.hook.url"));
        assertThat(ProblemReport.render(discovery.problems())).contains("host 169.254.169.254")
                .doesNotContain(SLACK_SECRET_PART);
    }

    @Test
    void theSameChecksApplyToUrlOptionsOfExports() {
        DestinationRegistry registry = new DestinationRegistry(List.of(new CallbackFactory()));
        SpokeConfig config = ExportBinderTest.config(new ConnectionSpec("hook", "callback", Map.of(),
                DeliverySettings.DEFAULTS));
        Model model = model("at_risk").columns("id").uniqueKey("id").meta("""
                destinations:
                  - { to: hook, options: { callback_url: "http://0xA9FEA9FE/" } }
                  - { to: hook, options: { callback_url: "gopher://x" } }
                  - { to: hook, options: { callback_url: "https://hooks.example.com/" } }
                """).build();

        Discovery discovery = ExportBinder.discover(manifest(model), config, registry);

        assertThat(discovery.problems()).extracting(Problem::code, Problem::model, Problem::key).containsExactly(
                tuple("refused-address", "at_risk", "meta.destinations[0].options.callback_url"),
                tuple("invalid-option", "at_risk", "meta.destinations[1].options.callback_url"));
        assertThat(discovery.exports()).extracting(Export::entryIndex).containsExactly(2);
    }

    /** A destination type whose exports name a URL of their own. */
    private static final class CallbackFactory implements DestinationFactory {
        @Override
        public String type() {
            return "callback";
        }

        @Override
        public String description() {
            return "Calls back a URL per export";
        }

        @Override
        public List<OptionSpec> connectionOptions() {
            return List.of();
        }

        @Override
        public List<OptionSpec> exportOptions() {
            return List.of(OptionSpec.url("callback_url").required().describedAs("Where this export's rows go"));
        }

        @Override
        public Set<SyncMode> supportedModes() {
            return EnumSet.allOf(SyncMode.class);
        }

        @Override
        public Destination create(DestinationSpec spec, DestinationContext context) {
            throw new UnsupportedOperationException("never created here");
        }
    }
}
