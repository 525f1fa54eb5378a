package dev.spoke.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads every real run_results fixture (v4, v5, v6, dbt Fusion) and fails clearly on unusable files. */
class RunResultsReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsSchemaV4V5AndV6FromDbtCore() {
        RunResults v4 = read("dbtcore-v4-postgres.json");
        RunResults v5 = read("dbtcore-v5-postgres.json");
        RunResults v6 = read("dbtcore-v6-postgres.json");

        assertThat(v4.schemaVersion()).isEqualTo(4);
        assertThat(v4.dbtVersion()).isEqualTo("1.6.7");
        assertThat(v4.invocationId()).isEqualTo("42f85a60-4f7b-4cc1-a197-62687104fecc");
        assertThat(v4.generatedAt()).isEqualTo("2023-11-06T20:40:37.557735Z");
        assertThat(v4.results()).extracting(RunResults.NodeResult::uniqueId)
                .containsExactly("model.test.my_model", "model.test.metricflow_time_spine");
        assertThat(v4.result("model.test.my_model")).contains(new RunResults.NodeResult(
                "model.test.my_model", "success", "CREATE VIEW", "2023-11-06T20:40:37.539787Z"));
        assertThat(v5.schemaVersion()).isEqualTo(5);
        assertThat(v5.dbtVersion()).isEqualTo("1.8.0a1");
        assertThat(v6.schemaVersion()).isEqualTo(6);
        assertThat(v6.result("model.test.metricflow_time_spine").orElseThrow().completedAt())
                .isEqualTo("2024-09-24T15:24:36.232800Z");
        assertThat(v6.result("model.test.nothing")).isEmpty();
    }

    @Test
    void readsTheSameInvocationAsItsManifest() {
        RunResults results = read("bouncer-v6-duckdb.json");
        Manifest manifest = DbtFixtures.manifest("bouncer-v12-duckdb.json");

        assertThat(results.invocationId()).isEqualTo(manifest.metadata().invocationId());
        assertThat(results.results()).hasSize(58).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        RunResults.NodeResult seed = results.result("seed.dbt_bouncer_test_project.raw_customers").orElseThrow();
        assertThat(seed.message()).isNull();
        assertThat(seed.completedAt()).isEqualTo("2026-08-07T07:12:34.248865Z");
    }

    @Test
    void readsDbtFusionResultsWithSkippedModels() {
        RunResults results = read("bouncer-v6-duckdb-fusion2.json");

        assertThat(results.dbtVersion()).isEqualTo("2.0.0-beta.2");
        assertThat(results.results()).hasSize(62);
        assertThat(results.results().stream().filter(r -> r.status().equals("pass"))).hasSize(44);
        RunResults.NodeResult skipped = results.result("model.dbt_bouncer_test_project.int_model_1").orElseThrow();
        assertThat(skipped.status()).isEqualTo("skipped");
        assertThat(skipped.message()).isEqualTo("Skipped");
        assertThat(skipped.succeeded()).isFalse();
        assertThat(results.result("model.dbt_bouncer_test_project.stg_customers").orElseThrow().message())
                .isEqualTo("Succeeded");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("target/run_results.json");

        SpokeException error = readFails(missing);

        assertThat(error.getMessage()).isEqualTo("dbt run results not found: " + missing);
        assertThat(error.hint()).contains("dbt run", "dbt build");
    }

    @Test
    void aTruncatedFileNamesItsPosition() throws IOException {
        byte[] whole = Files.readAllBytes(DbtFixtures.path("run_results/dbtcore-v6-postgres.json"));
        Path truncated = Files.write(dir.resolve("run_results.json"), Arrays.copyOf(whole, whole.length - 40));

        SpokeException error = readFails(truncated);

        assertThat(error.getMessage()).startsWith("dbt run results " + truncated + " is not valid JSON at line ")
                .contains("the file ends too early");
    }

    @Test
    void aManifestPassedAsRunResultsIsNamedForWhatItIs() {
        SpokeException error = readFails(DbtFixtures.path("manifests/dbtcore-v4-postgres.json"));

        assertThat(error.getMessage()).contains("this is a dbt manifest file", "not a dbt run-results");
    }

    @Test
    void resultsWithoutAnIdOrOfTheWrongShapeAreNamedWithTheirLine() throws IOException {
        String metadata = "{\"metadata\": {\"dbt_schema_version\":"
                + " \"https://schemas.getdbt.com/dbt/run-results/v6.json\"},";
        Path noId = write("a.json", metadata + "\n\"results\": [\n  {\"status\": \"success\"}]}");
        Path notArray = write("b.json", metadata + " \"results\": {}}");
        Path noResults = write("c.json", metadata + " \"elapsed_time\": 1.0}");

        assertThat(readFails(noId).getMessage()).endsWith("at line 3, column 3: a result has no 'unique_id'");
        assertThat(readFails(notArray).getMessage()).contains("'results' must be an array, found an object");
        assertThat(readFails(noResults).getMessage()).endsWith("this run_results.json has no 'results'");
    }

    @Test
    void aNewerSchemaIsReadWithAWarning() throws IOException {
        String text = Files.readString(DbtFixtures.path("run_results/dbtcore-v6-postgres.json"))
                .replace("run-results/v6.json", "run-results/v7.json");
        Path file = write("run_results.json", text);
        List<String> warnings = new ArrayList<>();

        RunResults results = RunResultsReader.read(file, warnings::add);

        assertThat(results.schemaVersion()).isEqualTo(7);
        assertThat(results.results()).hasSize(2);
        assertThat(warnings).singleElement().asString().contains("schema v7", "reading them as v6");
    }

    private RunResults read(String name) {
        List<String> warnings = new ArrayList<>();
        RunResults results = RunResultsReader.read(DbtFixtures.path("run_results/" + name), warnings::add);
        assertThat(warnings).isEmpty();
        return results;
    }

    private static SpokeException readFails(Path file) {
        SpokeException error = catchThrowableOfType(SpokeException.class,
                () -> RunResultsReader.read(file, warning -> {}));
        assertThat(error).as("reading " + file + " must fail with a SpokeException").isNotNull();
        assertThat(error.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
        return error;
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }
}
