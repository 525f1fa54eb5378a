package dev.spoke.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemReportTest {
    @Test
    void groupsProblemsByFileWithCodesAndFixes() {
        List<Problem> problems = List.of(
                new Problem("unknown-key", "at_risk", "models/schema.yml", "meta.destinations[0].mappping",
                        "unknown key 'mappping' (did you mean 'mapping'?)", "A destination takes: to, mode"),
                new Problem("missing-env-var", null, "spoke.yml", "connections.crm.api_key",
                        "connection 'crm' key 'api_key' reads environment variable CRM_KEY, which is not set", null),
                new Problem("ephemeral-model", "tmp", "models/schema.yml", null, "model tmp is ephemeral", "Materialize it"));

        assertThat(ProblemReport.render(problems)).isEqualTo("""
                models/schema.yml
                  model at_risk, meta.destinations[0].mappping: unknown key 'mappping' (did you mean 'mapping'?) [unknown-key]
                    fix: A destination takes: to, mode
                  model tmp: model tmp is ephemeral [ephemeral-model]
                    fix: Materialize it
                spoke.yml
                  connections.crm.api_key: connection 'crm' key 'api_key' reads environment variable CRM_KEY, which is not set [missing-env-var]
                3 problems in 2 files
                """);
    }

    @Test
    void masksKnownSecretsAndSaysNothingForNoProblems() {
        Secret secret = Secret.of("leaked-by-a-library-9876", "env_var('X')");
        Problem problem = new Problem("invalid-template", null, "spoke.yml", "connections.x.url",
                "cannot render 'https://u:" + secret.reveal() + "@host'", null);

        assertThat(ProblemReport.render(List.of(problem))).doesNotContain(secret.reveal()).contains("[hidden]")
                .endsWith("1 problem in 1 file\n");
        assertThat(ProblemReport.render(List.of())).isEmpty();
    }

    @Test
    void ordersListIndexesAsNumbers() {
        assertThat(ProblemCollector.compareNaturally("meta.destinations[2].to", "meta.destinations[10].to")).isNegative();
        assertThat(ProblemCollector.compareNaturally("a[10]", "a[9]")).isPositive();
        assertThat(ProblemCollector.compareNaturally("a.b", "a.b")).isZero();
        assertThat(ProblemCollector.compareNaturally("a", "a.b")).isNegative();
    }
}
