package dev.spoke.destinations.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.config.Secret;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.InvalidOptionException;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.OptionValidator;
import dev.spoke.destination.Options;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.SyncMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The checks a connection and an export get before anything is sent, beyond what the option specs express. */
class WebhookSettingsTest {
    private static final ExportDescriptor EXPORT =
            RowBatchBuilder.export("at_risk_customers", "support_webhook", SyncMode.UPSERT, "customer_id");
    private static final WebhookDestinationFactory FACTORY = new WebhookDestinationFactory();

    private static Options validated(Map<String, ?> raw, List<OptionSpec> specs) {
        OptionValidator.Result result = OptionValidator.validate(specs, raw, List.of());
        assertThat(result.problems()).isEmpty();
        return result.options();
    }

    private static WebhookSettings settings(Map<String, ?> connection, Map<String, ?> export) {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("url", "https://hooks.example.com/spoke"));
        raw.putAll(connection);
        return WebhookSettings.from(new DestinationSpec("support_webhook", validated(raw, FACTORY.connectionOptions()),
                validated(export, FACTORY.exportOptions()), EXPORT));
    }

    private static AbstractThrowableAssert<?, ?> assertRefused(Map<String, ?> connection) {
        return assertThatThrownBy(() -> settings(connection, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("connection 'support_webhook': ");
    }

    @Test
    void needsBothBasicCredentialsOrNeither() {
        assertRefused(Map.of("basic_username", "spoke"))
                .hasMessageContaining("basic_username is set without basic_password");
        assertRefused(Map.of("basic_password", Secret.of("pw", "env_var('P')")))
                .hasMessageContaining("basic_password is set without basic_username");
    }

    @Test
    void refusesTwoKindsOfAuthentication() {
        assertRefused(Map.of("bearer_token", Secret.of("t", "env_var('T')"), "basic_username", "u",
                "basic_password", Secret.of("p", "env_var('P')")))
                .hasMessageContaining("bearer_token and basic_username/basic_password both set an Authorization header");
        assertRefused(Map.of("bearer_token", Secret.of("t", "env_var('T')"), "headers", Map.of("authorization", "Token x")))
                .hasMessageContaining("headers.authorization: conflicts with bearer_token");
    }

    @Test
    void refusesCustomHeadersThatSpokeSetsItself() {
        assertRefused(Map.of("headers", Map.of("Webhook-Signature", "v1,forged")))
                .hasMessageContaining("headers.Webhook-Signature: spoke sets this header itself");
        assertRefused(Map.of("headers", Map.of("Content-Type", "text/plain")))
                .hasMessageContaining("headers.Content-Type");
    }

    @Test
    void refusesBadHeaderNamesAndValuesWithoutShowingTheValue() {
        assertRefused(Map.of("headers", Map.of("X Team", "growth")))
                .hasMessageContaining("headers.X Team: not a valid HTTP header name");
        assertRefused(Map.of("headers", Map.of("X-Api-Key", Secret.of("key-789\n", "env_var('K')"))))
                .hasMessageContaining("headers.X-Api-Key: the value has a character that cannot go in an HTTP header")
                .hasMessageContaining("position 8")
                .hasMessageContaining("trailing newline")
                .hasMessageNotContaining("key-789");
        assertRefused(Map.of("bearer_token", Secret.of("abc\r\nX-Evil: 1", "env_var('T')")))
                .hasMessageContaining("bearer_token: the value has a character")
                .hasMessageNotContaining("abc")
                .hasMessageNotContaining("X-Evil");
    }

    /** The url's checks come from its declaration ({@code OptionSpec.url}), so validate and create make the same. */
    private static List<String> urlProblems(Object url) {
        return OptionValidator.validate(FACTORY.connectionOptions(), Map.of("url", url), List.of()).problems();
    }

    @Test
    void refusesAUrlThatIsNotHttpAndHidesOneFromTheEnvironment() {
        assertThat(urlProblems("ftp://hooks.example.com")).singleElement().asString()
                .startsWith("url: 'ftp://hooks.example.com' has scheme ftp: spoke sends over http and https only");
        assertThat(urlProblems("file:///etc/passwd")).singleElement().asString()
                .startsWith("url: 'file:///etc/passwd' has scheme file");
        assertThat(urlProblems("hooks.example.com/spoke")).singleElement().asString()
                .isEqualTo("url: 'hooks.example.com/spoke' is not an http or https URL; write it in full, e.g."
                        + " https://hooks.example.com/spoke");
        assertThat(urlProblems(Secret.of("hooks.example.com/secret-path", "env_var('HOOK_URL')"))).singleElement()
                .asString().startsWith("url: (from env_var) is not an http or https URL")
                .doesNotContain("secret-path");
        assertThat(urlProblems(Secret.of("https://spoke:hunter2@hooks.example.com/", "env_var('HOOK_URL')")))
                .singleElement().asString()
                .startsWith("url: has credentials in it (user:password@ before host hooks.example.com), which spoke"
                        + " never sends")
                .doesNotContain("hunter2");
        assertThat(urlProblems("https://spoke:hunter2@hooks.example.com/")).singleElement().asString()
                .doesNotContain("hunter2");
        assertThat(FACTORY.connectionOptions().get(0).description())
                .contains("credentials go in bearer_token or basic_username/basic_password");
    }

    @Test
    void refusesASigningSecretThatIsNotStandardWebhooksBase64() {
        assertRefused(Map.of("signing_secret", Secret.of("whsec_%%%", "env_var('S')")))
                .hasMessageContaining("signing_secret starts with whsec_ but the rest is not valid base64")
                .hasMessageNotContaining("%%%");
    }

    @Test
    void refusesEventTypesThatAreNotDotSeparatedNames() {
        assertRefused(Map.of("event_type_prefix", "acme..crm")).hasMessageContaining("event_type_prefix 'acme..crm'");
        assertThatThrownBy(() -> settings(Map.of(), Map.of("event_type", "at risk")))
                .hasMessage("export 'at_risk_customers__support_webhook': option event_type 'at risk' is not a"
                        + " dot-separated name; use letters, digits, _ and -, parts separated by dots, e.g. crm.customers");
    }

    @Test
    void saysWhichOptionOnWhichSideIsWrongSoValidateReportsItWhereTheUserEdits() {
        assertThat(refusal(Map.of("headers", Map.of("X Team", "growth")), Map.of()))
                .containsExactly(InvalidOptionException.Side.CONNECTION, "headers.X Team");
        assertThat(refusal(Map.of("basic_password", Secret.of("pw", "env_var('P')")), Map.of()))
                .containsExactly(InvalidOptionException.Side.CONNECTION, "basic_password");
        assertThat(refusal(Map.of("signing_secret", Secret.of("whsec_%%%", "env_var('S')")), Map.of()))
                .containsExactly(InvalidOptionException.Side.CONNECTION, "signing_secret");
        assertThat(refusal(Map.of("event_type_prefix", "a..b"), Map.of()))
                .containsExactly(InvalidOptionException.Side.CONNECTION, "event_type_prefix");
        assertThat(refusal(Map.of(), Map.of("event_type", "at risk")))
                .containsExactly(InvalidOptionException.Side.EXPORT, "event_type");
    }

    private static List<Object> refusal(Map<String, ?> connection, Map<String, ?> export) {
        try {
            settings(connection, export);
        } catch (InvalidOptionException e) {
            return List.of(e.side(), e.option());
        }
        throw new AssertionError("not refused: " + connection + " " + export);
    }

    @Test
    void declaresBatchSizeLimits() {
        assertThat(OptionValidator.validate(FACTORY.connectionOptions(),
                Map.of("url", "https://x.example", "batch_size", 0), List.of()).problems())
                .containsExactly("batch_size: must be between 1 and 10000, got 0");
        assertThat(OptionValidator.validate(FACTORY.exportOptions(), Map.of("batch_size", 10_001), List.of()).problems())
                .containsExactly("batch_size: must be between 1 and 10000, got 10001");
    }

    @Test
    void composesTheEventTypeAndHidesSecretsWhenPrinted() {
        WebhookSettings settings = settings(Map.of("signing_secret", Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "env_var('S')"), "bearer_token", Secret.of("tok-123", "env_var('T')")), Map.of("event_type", "churn"));

        assertThat(settings.eventType(false)).isEqualTo("spoke.churn.upsert");
        assertThat(settings.eventType(true)).isEqualTo("spoke.churn.delete");
        assertThat(settings.toString()).doesNotContain("tok-123").doesNotContain("MfKQ9r8").contains("signed=true");
    }
}
