package dev.spoke.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.config.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads dbt_project.yml: the keys spoke needs, dbt's defaults, env_var(), and every way it can be unusable. */
class DbtProjectTest {
    @TempDir
    Path dir;

    @Test
    void readsNameProfileVersionAndPaths() throws IOException {
        write("""
                name: 'jaffle_shop'
                version: 1.0
                config-version: 2
                profile: "{{ env_var('DBT_PROFILE', 'jaffle_shop') }}"
                model-paths: ["models", "marts"]
                target-path: build/dbt
                models:
                  jaffle_shop:
                    +materialized: table
                """);

        DbtProject project = DbtProject.read(dir, Environment.of(Map.of("DBT_PROFILE", "warehouse")));

        assertThat(project.name()).isEqualTo("jaffle_shop");
        assertThat(project.version()).isEqualTo("1.0");
        assertThat(project.profile()).isEqualTo("warehouse");
        assertThat(project.modelPaths()).containsExactly("models", "marts");
        assertThat(project.targetDirectory()).isEqualTo(dir.resolve("build/dbt"));
        assertThat(project.manifestPath()).isEqualTo(dir.resolve("build/dbt/manifest.json"));
        assertThat(project.runResultsPath()).isEqualTo(dir.resolve("build/dbt/run_results.json"));
        assertThat(project.file()).isEqualTo(dir.resolve("dbt_project.yml"));
    }

    @Test
    void defaultsAsDbtDoes() throws IOException {
        write("name: shop\n");

        DbtProject project = DbtProject.read(dir, Environment.of(Map.of()));

        assertThat(project.profile()).isNull();
        assertThat(project.version()).isNull();
        assertThat(project.targetPath()).isEqualTo("target");
        assertThat(project.modelPaths()).containsExactly("models");
        assertThat(project.manifestPath()).isEqualTo(dir.resolve("target/manifest.json"));
    }

    @Test
    void readsTheLegacySourcePaths() throws IOException {
        write("name: shop\nsource-paths: [src]\n");

        assertThat(DbtProject.read(dir, Environment.of(Map.of())).modelPaths()).containsExactly("src");
    }

    @Test
    void aMissingFileSaysWhereToRun() {
        SpokeException error = fails();

        assertThat(error.getMessage()).isEqualTo("dbt project file not found: " + dir.resolve("dbt_project.yml"));
        assertThat(error.hint()).contains("--project-dir");
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        write("name: shop\nprofile: [unclosed\nversion: 2\n");

        assertThat(fails().getMessage()).startsWith("dbt project file " + dir.resolve("dbt_project.yml")
                + " is not valid YAML at line 3, column 8");
    }

    @Test
    void aFileWithoutNameOrOfTheWrongShapeIsNamed() throws IOException {
        write("profile: shop\n");
        assertThat(fails().getMessage()).endsWith("dbt_project.yml has no 'name'");
        write("- name: shop\n");
        assertThat(fails().getMessage()).endsWith("must be a mapping of keys to values, not a list");
        write("");
        assertThat(fails().getMessage()).endsWith("dbt_project.yml is empty");
        write("name: {a: b}\n");
        assertThat(fails().getMessage()).endsWith("'name' must be text, not a mapping");
    }

    private SpokeException fails() {
        SpokeException error = catchThrowableOfType(SpokeException.class,
                () -> DbtProject.read(dir, Environment.of(Map.of())));
        assertThat(error).isNotNull();
        assertThat(error.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
        return error;
    }

    private void write(String content) throws IOException {
        Files.writeString(dir.resolve("dbt_project.yml"), content);
    }
}
