package dev.spoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spoke ls} on the sample project and on real manifests without exports; golden output. */
class LsCommandTest {
    @Test
    void listsTheSampleProjectsExports() {
        CliRun run = CliRun.of("ls", "--project-dir", "sample-dbt-project");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Golden.assertMatches("cli/golden/ls_sample.txt", run.out());
    }

    @Test
    void listsThemAsJson() {
        CliRun run = CliRun.of("ls", "--project-dir", "sample-dbt-project", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Golden.assertMatches("cli/golden/ls_sample.json", run.out());
    }

    @Test
    void selectionNarrowsTheList() {
        CliRun run = CliRun.of("ls", "--project-dir", "sample-dbt-project", "--select", "destination:support_webhook");

        assertThat(run.out()).contains("at_risk_customers__support_webhook").doesNotContain("local_files");
    }

    @Test
    void aSelectorThatMatchesNothingIsSaid(@TempDir Path home) {
        CliRun run = CliRun.of("ls", "--project-dir", "sample-dbt-project", "--select", "tag:nothing_has_this");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No exports found for this selection");
        assertThat(run.err()).contains("tag:nothing_has_this").contains("matched nothing");
    }

    @Test
    void aRealManifestWithoutDestinationsListsNone(@TempDir Path project) throws IOException {
        Files.writeString(project.resolve("dbt_project.yml"), "name: jaffle_shop\nprofile: jaffle_shop\nconfig-version: 2\n");
        Files.createDirectories(project.resolve("target"));
        Files.copy(Path.of("src/test/resources/dbt/manifests/dbterd-v12-snowflake.json"),
                project.resolve("target/manifest.json"));

        CliRun run = CliRun.of("ls", "--project-dir", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("No exports found: no enabled model declares meta.destinations.");
    }

    @Test
    void aMissingManifestIsOneClearError(@TempDir Path project) throws IOException {
        Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");

        CliRun run = CliRun.of("ls", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("manifest.json").contains("dbt parse").doesNotContain("Exception");
    }
}
