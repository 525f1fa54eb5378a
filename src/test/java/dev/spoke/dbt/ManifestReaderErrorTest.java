package dev.spoke.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a manifest can be unusable ends in one clear CONFIG_ERROR naming the file, the position and a fix. */
class ManifestReaderErrorTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileSaysWhereItLookedAndHowToWriteOne() {
        Path missing = dir.resolve("target/manifest.json");

        SpokeException error = readFails(missing);

        assertThat(error.getMessage()).isEqualTo("dbt manifest not found: " + missing);
        assertThat(error.hint()).contains("dbt parse", "--manifest");
    }

    @Test
    void aDirectoryIsNotAManifest() {
        SpokeException error = readFails(dir);

        assertThat(error.getMessage()).contains(dir.toString(), "is a directory");
    }

    @Test
    void aTruncatedSingleLineManifestNamesTheColumnWhereItEnds() throws IOException {
        byte[] whole = Files.readAllBytes(DbtFixtures.path("manifests/bouncer-v12-duckdb.json"));
        Path truncated = write("manifest.json", Arrays.copyOf(whole, 700_000));

        SpokeException error = readFails(truncated);

        assertThat(error.getMessage())
                .startsWith("dbt manifest " + truncated + " is not valid JSON at line 1, column ")
                .contains("the file ends too early", "end-of-input")
                .doesNotContain("Source: ");
        assertThat(error.hint()).contains("dbt parse", "dbt compile", "--manifest");
    }

    @Test
    void aTruncatedIndentedManifestNamesTheLineWhereItEnds() throws IOException {
        byte[] whole = Files.readAllBytes(DbtFixtures.path("manifests/cosmos-v10-postgres.json"));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        long lines = new String(half, StandardCharsets.UTF_8).lines().count();
        Path truncated = write("manifest.json", half);

        SpokeException error = readFails(truncated);

        assertThat(error.getMessage()).contains("is not valid JSON at line " + lines + ", column ");
    }

    @Test
    void textThatIsNotJsonIsNamedAsSuch() throws IOException {
        Path html = write("manifest.json", "<html>503 Service Unavailable</html>");

        SpokeException error = readFails(html);

        assertThat(error.getMessage()).contains(html.toString(), "is not valid JSON at line 1, column 1");
    }

    @Test
    void anEmptyFileIsNotAManifest() throws IOException {
        SpokeException error = readFails(write("manifest.json", ""));

        assertThat(error.getMessage()).contains("this is not a dbt manifest");
    }

    @Test
    void aJsonArrayIsNotAManifest() throws IOException {
        SpokeException error = readFails(write("manifest.json", "[1, 2]"));

        assertThat(error.getMessage()).contains("at line 1, column 1: this is not a dbt manifest");
    }

    @Test
    void anObjectWithoutSchemaVersionIsNotAManifest() throws IOException {
        Path file = write("manifest.json", "{\n  \"nodes\": {},\n  \"metadata\": {\"dbt_version\": \"1.8.0\"}\n}");

        SpokeException error = readFails(file);

        assertThat(error.getMessage()).isEqualTo("dbt manifest " + file
                + " at line 3, column 15: this is not a dbt manifest: it has no metadata.dbt_schema_version");
    }

    @Test
    void aFileWithoutMetadataSaysSo() throws IOException {
        SpokeException error = readFails(write("manifest.json", "{\"nodes\": {}}"));

        assertThat(error.getMessage()).endsWith("it has no metadata.dbt_schema_version (no 'metadata' object at all)");
    }

    @Test
    void runResultsPassedAsAManifestAreNamedForWhatTheyAre() {
        Path runResults = DbtFixtures.path("run_results/bouncer-v6-duckdb.json");

        SpokeException error = readFails(runResults);

        assertThat(error.getMessage()).contains("this is a dbt run-results file", "not a dbt manifest");
    }

    @Test
    void aSchemaOlderThanV4IsRefusedWithTheVersionItNeeds() throws IOException {
        Path file = write("manifest.json", "{\"metadata\": {\"dbt_schema_version\":"
                + " \"https://schemas.getdbt.com/dbt/manifest/v3.json\", \"dbt_version\": \"0.21.0\"}, \"nodes\": {}}");

        SpokeException error = readFails(file);

        assertThat(error.getMessage()).contains("schema v3 (dbt 0.21.0)", "v4 (dbt 1.0) to v12");
        assertThat(error.hint()).contains("dbt 1.0 or newer");
    }

    @Test
    void sectionsOfTheWrongShapeAreNamedWithTheirPosition() throws IOException {
        Path nodesArray = write("a.json", "{\"metadata\": {\"dbt_schema_version\":"
                + " \"https://schemas.getdbt.com/dbt/manifest/v12.json\"},\n \"nodes\": []}");
        Path nodeString = write("b.json", "{\"nodes\": {\"model.a.b\": \"oops\"}}");
        Path metadataString = write("c.json", "{\"metadata\": \"v12\"}");

        assertThat(readFails(nodesArray).getMessage()).endsWith("at line 2, column 11: 'nodes' must be an object,"
                + " found an array");
        assertThat(readFails(nodeString).getMessage()).contains("node 'model.a.b' must be an object, found a string");
        assertThat(readFails(metadataString).getMessage()).contains("'metadata' must be an object");
    }

    @Test
    void aModelWithoutSchemaIsNamedWithItsLine() throws IOException {
        Path file = write("manifest.json", "{\"metadata\": {\"dbt_schema_version\":"
                + " \"https://schemas.getdbt.com/dbt/manifest/v12.json\"},\n\"nodes\": {\n"
                + "  \"model.shop.customers\": {\"resource_type\": \"model\", \"unique_id\": \"model.shop.customers\","
                + " \"name\": \"customers\", \"package_name\": \"shop\", \"original_file_path\": \"models/c.sql\"}}}");

        SpokeException error = readFails(file);

        assertThat(error.getMessage()).endsWith("at line 3, column 27: model model.shop.customers has no 'schema'");
    }

    private SpokeException readFails(Path file) {
        SpokeException error = catchThrowableOfType(SpokeException.class,
                () -> ManifestReader.read(file, warning -> {}));
        assertThat(error).as("reading " + file + " must fail with a SpokeException").isNotNull();
        assertThat(error.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
        return error;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
