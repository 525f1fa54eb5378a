package dev.spoke.destinations.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OptionValidator;
import dev.spoke.destination.Options;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a file connection writes, and the mistakes it refuses before a run starts. */
class FileSettingsTest {
    private static final ExportDescriptor EXPORT = RowBatchBuilder.export("customers", "files", SyncMode.UPSERT, "id");
    private static final FileDestinationFactory FACTORY = new FileDestinationFactory();

    @TempDir
    Path projectDir;

    private FileSettings settings(Map<String, ?> connection, Map<String, ?> export) {
        OptionValidator.Result connectionResult = OptionValidator.validate(FACTORY.connectionOptions(), connection, List.of());
        OptionValidator.Result exportResult = OptionValidator.validate(FACTORY.exportOptions(), export, List.of());
        assertThat(connectionResult.problems()).isEmpty();
        assertThat(exportResult.problems()).isEmpty();
        return FileSettings.from(new DestinationSpec("files", connectionResult.options(), exportResult.options(), EXPORT),
                projectDir);
    }

    @Test
    void resolvesRelativePathsAgainstTheProjectAndDefaultsToJsonLinesReplacedEachRun() {
        FileSettings settings = settings(Map.of("path", "out/../exports/{export}.jsonl"), Map.of());

        assertThat(settings.target()).isEqualTo(projectDir.resolve("exports/customers__files.jsonl"));
        assertThat(settings.format()).isEqualTo("jsonl");
        assertThat(settings.overwrite()).isTrue();
        assertThat(settings.writingPath()).isEqualTo(projectDir.resolve("exports/.customers__files.jsonl.spoke-partial"));
    }

    @Test
    void keepsAbsolutePathsAndAppendsInPlace() {
        Path elsewhere = projectDir.resolveSibling("shared").resolve("{model}.csv");

        FileSettings settings = settings(Map.of("path", elsewhere.toString(), "format", "csv", "overwrite", false), Map.of());

        assertThat(settings.target()).isEqualTo(projectDir.resolveSibling("shared").resolve("customers.csv"));
        assertThat(settings.writingPath()).isEqualTo(settings.target());
    }

    @Test
    void takesTheExportsPathOverTheConnections() {
        assertThat(settings(Map.of("path", "a.jsonl"), Map.of("path", "b/{model}.jsonl")).target())
                .isEqualTo(projectDir.resolve("b/customers.jsonl"));
    }

    @Test
    void refusesAnUnknownPlaceholder() {
        assertThatThrownBy(() -> settings(Map.of("path", "out/{modle}.jsonl"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connection 'files': path 'out/{modle}.jsonl' has an unknown placeholder {modle};"
                        + " use {export} or {model}");
    }

    @Test
    void refusesADirectory() throws Exception {
        Files.createDirectories(projectDir.resolve("out"));

        assertThatThrownBy(() -> settings(Map.of("path", "out"), Map.of()))
                .hasMessage("connection 'files': path 'out' is a directory; name the file, e.g. out/{export}.jsonl");
        assertThatThrownBy(() -> settings(Map.of("path", "a.jsonl"), Map.of("path", "exports/")))
                .hasMessage("export 'customers__files': option path 'exports/' is a directory; name the file,"
                        + " e.g. exports/{export}.jsonl");
    }

    @Test
    void refusesAnEmptyPath() {
        assertThatThrownBy(() -> settings(Map.of("path", " "), Map.of())).hasMessageContaining("path is empty");
    }

    @Test
    void refusesAnUnknownFormatWhenCreated() {
        DestinationSpec spec = new DestinationSpec("files",
                new Options(Map.of("path", "a.xml", "format", "xml")), Options.empty(), EXPORT);

        assertThatThrownBy(() -> FACTORY.create(spec, new FileTestProject(projectDir).context()))
                .hasMessage("connection 'files': format 'xml' is not one of jsonl | csv");
    }
}
