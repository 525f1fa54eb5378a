package dev.spoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @Test
    void theSampleProjectIsValid(@TempDir Path directory) {
        Path project = SampleProject.copyTo(directory);

        CliRun run = CliRun.of("validate", "--offline", "--project-dir", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("OK: 3 export(s) valid");
    }

    @Test
    void everyProblemIsReportedAtOnceWithModelFileAndKey(@TempDir Path directory) {
        Path project = SampleProject.copyTo(directory);
        SampleProject.editModel(project, "lead_scores", node -> {
            ObjectNode entry = (ObjectNode) node.path("config").path("meta").path("destinations").get(0);
            entry.set("mappping", entry.remove("mapping"));
            entry.put("mode", "sometimes");
            ((ObjectNode) node.path("config").path("meta")).put("api_key", "sk_live_abcdefghijklmnop");
        });
        SampleProject.editModel(project, "at_risk_customers", node -> {
            ObjectNode entry = (ObjectNode) node.path("config").path("meta").path("destinations").get(1);
            entry.put("to", "support_webhok");
        });

        CliRun run = CliRun.of("validate", "--offline", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("models/marts/schema.yml")
                .contains("lead_scores").contains("meta.destinations[0].mappping").contains("mapping")
                .contains("sometimes").contains("upsert | update | insert | mirror | append")
                .contains("at_risk_customers").contains("support_webhok").contains("support_webhook")
                .contains("api_key").contains("env_var")
                .doesNotContain("sk_live_abcdefghijklmnop");
    }

    @Test
    void aMissingSecretIsAProblemForValidateButNotForLs(@TempDir Path directory) throws Exception {
        Path project = SampleProject.copyTo(directory);
        java.nio.file.Files.writeString(project.resolve("spoke.yml"), """
                connections:
                  local_files:
                    type: file
                    path: out/{export}.jsonl
                  support_webhook:
                    type: webhook
                    url: http://127.0.0.1:9/hook
                    signing_secret: "{{ env_var('SPOKE_TEST_UNSET_SECRET') }}"
                """);

        CliRun validate = CliRun.of("validate", "--offline", "--project-dir", project.toString());
        CliRun ls = CliRun.of("ls", "--project-dir", project.toString());

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("SPOKE_TEST_UNSET_SECRET").contains("support_webhook");
        assertThat(ls.exitCode()).isZero();
        assertThat(ls.out()).contains("at_risk_customers__support_webhook");
    }
}
