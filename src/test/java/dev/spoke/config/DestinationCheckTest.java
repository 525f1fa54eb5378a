package dev.spoke.config;

import static dev.spoke.config.ModelFixture.SCHEMA_FILE;
import static dev.spoke.config.ModelFixture.manifest;
import static dev.spoke.config.ModelFixture.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spoke.dbt.Model;
import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.SyncMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spoke validate} runs each destination type's own checks, the code {@code create} runs, and reports what they
 * refuse at the key the user edits: so the pull-request gate fails on what {@code spoke sync} would refuse.
 */
class DestinationCheckTest {
    private static final String SIGNING = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path project;

    private Discovery validate(String spokeYml, Map<String, String> env, Model... models) throws IOException {
        Files.writeString(project.resolve("spoke.yml"), spokeYml);
        SpokeConfigResult config = SpokeConfigReader.read(project, new TemplateRenderer(Environment.of(env)));
        return ExportBinder.discover(manifest(models), config, DestinationRegistry.load(), project);
    }

    private static Model exporting(String name, String destinations) {
        return model(name).columns("id").uniqueKey("id").meta("destinations:\n" + destinations).build();
    }

    @Test
    void reportsConnectionSideRefusalsOnceInSpokeYmlAtTheOption() throws IOException {
        Discovery discovery = validate("""
                connections:
                  hook:
                    type: webhook
                    url: https://hooks.example.com/spoke
                    headers: { "X Team": growth }
                  signed:
                    type: webhook
                    url: https://hooks.example.com/spoke
                    signing_secret: "{{ env_var('BAD_SECRET') }}"
                  both:
                    type: webhook
                    url: https://hooks.example.com/spoke
                    bearer_token: "{{ env_var('TOKEN') }}"
                    basic_username: spoke
                    basic_password: "{{ env_var('PASSWORD') }}"
                """, Map.of("BAD_SECRET", "whsec_%%%", "TOKEN", "t0k3n-value", "PASSWORD", "pa55-value"),
                exporting("a", "  - to: hook\n  - to: signed\n  - to: both"), exporting("b", "  - to: hook"));

        assertThat(discovery.problems()).extracting(Problem::code, Problem::model, Problem::file, Problem::key)
                .containsExactly(
                        tuple("invalid-destination-config", null, "spoke.yml", "connections.both.bearer_token"),
                        tuple("invalid-destination-config", null, "spoke.yml", "connections.hook.headers.X Team"),
                        tuple("invalid-destination-config", null, "spoke.yml", "connections.signed.signing_secret"));
        assertThat(discovery.problems()).extracting(Problem::message).containsExactly(
                "connection 'both': bearer_token and basic_username/basic_password both set an Authorization header;"
                        + " keep the one the receiver expects",
                "connection 'hook': headers.X Team: not a valid HTTP header name; use letters, digits and -",
                "connection 'signed': signing_secret starts with whsec_ but the rest is not valid base64; copy the"
                        + " whole secret the receiver shows (whsec_ followed by base64)");
        assertThat(ProblemReport.render(discovery.problems())).doesNotContain("%%%", "t0k3n-value", "pa55-value");
        assertThat(discovery.exports()).as("like a missing secret, a connection problem keeps the export listed")
                .hasSize(4);
    }

    @Test
    void reportsExportSideRefusalsInTheModelsFileAndDropsTheExport() throws IOException {
        Files.createDirectories(project.resolve("out/taken"));
        Discovery discovery = validate("""
                connections:
                  hook: { type: webhook, url: https://hooks.example.com/spoke }
                  files: { type: file, path: "out/{export}.jsonl" }
                """, Map.of(), exporting("a", """
                  - { to: hook, options: { event_type: "at risk" } }
                  - { to: files, options: { path: out/taken } }
                  - to: hook
                """));

        assertThat(discovery.problems()).extracting(Problem::code, Problem::model, Problem::file, Problem::key)
                .containsExactly(
                        tuple("invalid-destination-config", "a", SCHEMA_FILE, "meta.destinations[0].options.event_type"),
                        tuple("invalid-destination-config", "a", SCHEMA_FILE, "meta.destinations[1].options.path"));
        assertThat(discovery.problems().get(0).message()).isEqualTo("export 'a__hook': option event_type 'at risk' is"
                + " not a dot-separated name; use letters, digits, _ and -, parts separated by dots, e.g."
                + " crm.customers");
        assertThat(discovery.problems().get(1).message()).contains("options.path 'out/taken' is a directory");
        assertThat(discovery.exports()).extracting(Export::entryIndex).containsExactly(2);
    }

    @Test
    void checksNothingWhoseSecretIsMissingSoTheMissingVariableIsTheOneProblem() throws IOException {
        Discovery discovery = validate("""
                connections:
                  signed:
                    type: webhook
                    url: https://hooks.example.com/spoke
                    signing_secret: "{{ env_var('HOOK_SECRET') }}"
                """, Map.of(), exporting("a", "  - to: signed"));

        assertThat(discovery.problems()).extracting(Problem::code, Problem::key)
                .containsExactly(tuple("missing-env-var", "connections.signed.signing_secret"));
        assertThat(validate(Files.readString(project.resolve("spoke.yml")), Map.of("HOOK_SECRET", SIGNING),
                exporting("a", "  - to: signed")).problems()).isEmpty();
    }

    @Test
    void aPlainIllegalArgumentExceptionIsReportedAgainstTheConnectionWithTheModel() {
        PickyFactory picky = new PickyFactory();
        SpokeConfig config = ExportBinderTest.config(new ConnectionSpec("crm", "picky", Map.of(),
                dev.spoke.delivery.DeliverySettings.DEFAULTS));

        Discovery discovery = ExportBinder.discover(manifest(exporting("a", "  - to: crm")), config,
                new DestinationRegistry(List.of(picky)));

        assertThat(discovery.problems()).extracting(Problem::code, Problem::model, Problem::file, Problem::key,
                Problem::message).containsExactly(tuple("invalid-destination-config", "a", "spoke.yml",
                "connections.crm", "connection 'crm' cannot serve export a__crm: no account for it"));
        assertThat(picky.checkedIn).containsExactly(Path.of("/project"));
    }

    /** A type whose check refuses every export with a plain IllegalArgumentException. */
    private static final class PickyFactory implements DestinationFactory {
        final List<Path> checkedIn = new ArrayList<>();

        @Override
        public String type() {
            return "picky";
        }

        @Override
        public String description() {
            return "Refuses everything";
        }

        @Override
        public List<OptionSpec> connectionOptions() {
            return List.of();
        }

        @Override
        public List<OptionSpec> exportOptions() {
            return List.of();
        }

        @Override
        public Set<SyncMode> supportedModes() {
            return EnumSet.allOf(SyncMode.class);
        }

        @Override
        public void check(DestinationSpec spec, Path projectDir) {
            checkedIn.add(projectDir);
            throw new IllegalArgumentException("connection '" + spec.connectionName() + "' cannot serve export "
                    + spec.export().exportId() + ": no account for it");
        }

        @Override
        public Destination create(DestinationSpec spec, DestinationContext context) {
            throw new UnsupportedOperationException("never created here");
        }
    }
}
