package dev.spoke.config;

import static dev.spoke.config.ModelFixture.manifest;
import static dev.spoke.config.ModelFixture.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spoke.dbt.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spoke.yml read from disk, then bound to a manifest: what {@code spoke ls} and {@code spoke validate} do. */
class ReadAndDiscoverTest {
    private static final String API_KEY = "live-crm-key-5f1c2b9e";
    private static final String SIGNING = "whsec_9b8a7c6d5e4f3a2b1c0d";

    @TempDir
    Path project;

    private Discovery readAndDiscover(Map<String, String> env) throws IOException {
        Files.writeString(project.resolve("spoke.yml"), """
                connections:
                  crm:
                    type: fakecrm
                    api_key: "{{ env_var('CRM_API_KEY') }}"
                    rate_limit: { requests_per_second: 10 }
                  hook:
                    type: fakehook
                    url: https://hooks.example.com/at-risk
                    signing_secret: "{{ env_var('HOOK_SECRET') }}"
                """);
        SpokeConfigResult config = SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(env)));
        Model model = model("at_risk_customers").columns("customer_id", "email").uniqueKey("customer_id").meta("""
                destinations:
                  - to: crm
                    options: { list_id: a1b2c3 }
                  - to: hook
                """).build();
        return ExportBinder.discover(manifest(model), config, FakeHookFactory.registry());
    }

    @Test
    void withoutSecretsExportsAreStillListedAndEachMissingVariableIsReportedOnce() throws IOException {
        Discovery discovery = readAndDiscover(Map.of());

        assertThat(discovery.exports()).extracting(Export::id)
                .containsExactly("at_risk_customers__crm", "at_risk_customers__hook");
        assertThat(discovery.problems()).extracting(Problem::code, Problem::key).containsExactly(
                tuple("missing-env-var", "connections.crm.api_key"),
                tuple("missing-env-var", "connections.hook.signing_secret"));
    }

    @Test
    void withSecretsEverythingIsValidAndNoSecretCanBePrinted() throws IOException {
        Discovery discovery = readAndDiscover(Map.of("CRM_API_KEY", API_KEY, "HOOK_SECRET", SIGNING));

        assertThat(discovery.problems()).isEmpty();
        assertThat(discovery.exports()).hasSize(2);
        assertThat(discovery.toString()).doesNotContain(API_KEY, SIGNING);
        assertThat(ConnectionOptions.destinationSpec(discovery.exports().get(0)).connection().toString())
                .doesNotContain(API_KEY);
        assertThat(ConnectionOptions.destinationSpec(discovery.exports().get(0)).connection()
                .requiredString("api_key")).isEqualTo(API_KEY);
    }
}
