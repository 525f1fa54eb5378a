package dev.spoke.destinations.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.Options;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a file connection writes, and the mistakes and escapes it refuses before a run starts. */
class FileSettingsTest {
    private static final ExportDescriptor EXPORT = RowBatchBuilder.export("customers", "files", SyncMode.UPSERT, "id");
    private static final String SUBJECT = "model customers, export customers__files: ";
    private static final Map<String, Object> CONNECTION = Map.of("path", "out/{export}.jsonl");
    private static final Instant RUN_STARTED = Instant.parse("2026-12-04T09:30:00.123Z");

    @TempDir
    Path root;
    private Path projectDir;
    private Path outside;

    @BeforeEach
    void directories() throws Exception {
        projectDir = Files.createDirectories(root.resolve("project"));
        outside = Files.createDirectories(root.resolve("outside"));
    }

    private FileSettings settings(Map<String, ?> connection, Map<String, ?> export) {
        return settings(EXPORT, connection, export);
    }

    private FileSettings settings(ExportDescriptor export, Map<String, ?> connection, Map<String, ?> exportOptions) {
        return FileSettings.from(FileTestProject.spec(export, connection, exportOptions), projectDir);
    }

    private Path target(FileSettings settings) {
        return settings.path().target("run-1", RUN_STARTED);
    }

    @Test
    void resolvesRelativePathsAgainstTheProjectAndDefaultsToJsonLinesAppendedAcrossRuns() {
        FileSettings settings = settings(Map.of("path", "out/../exports/{export}.jsonl"), Map.of());

        assertThat(target(settings)).isEqualTo(projectDir.resolve("exports/customers__files.jsonl"));
        assertThat(settings.format()).isEqualTo("jsonl");
        assertThat(settings.overwrite()).isFalse();
        assertThat(settings.path().perRun()).isFalse();
        assertThat(FileSettings.partialOf(target(settings)))
                .isEqualTo(projectDir.resolve("exports/.customers__files.jsonl.spoke-partial"));
    }

    @Test
    void fillsTheRunPlaceholdersOfTheFileNameForEachRun() {
        FileSettings settings = settings(Map.of("path", "out/{model}/{timestamp}-{run_id}.jsonl"), Map.of());

        assertThat(settings.path().perRun()).isTrue();
        assertThat(settings.path().target("3f2c-9a", RUN_STARTED))
                .isEqualTo(projectDir.resolve("out/customers/20261204T093000.123Z-3f2c-9a.jsonl"));
        assertThat(settings.path().target("a/../b", Instant.parse("2027-01-02T03:04:05Z")))
                .isEqualTo(projectDir.resolve("out/customers/20270102T030405.000Z-a___b.jsonl"));
        assertThat(settings.path().isRunFileName("20261204T093000.123Z-3f2c-9a.jsonl")).isTrue();
        assertThat(settings.path().isRunFileName("20261204T093000Z-3f2c-9a.jsonl")).isFalse();
        assertThat(settings.path().isRunFileName("notes.jsonl")).isFalse();
    }

    @Test
    void refusesRunPlaceholdersInADirectoryName() {
        assertThatThrownBy(() -> settings(Map.of("path", "out/{timestamp}/{export}.jsonl"), Map.of()))
                .hasMessage(SUBJECT + "connections.files.path 'out/{timestamp}/{export}.jsonl' has {run_id} or"
                        + " {timestamp} in a directory name; put them in the file name, so every run's file of an"
                        + " export lies in one directory, e.g. out/{export}/{timestamp}.jsonl");
    }

    @Test
    void refusesAnUnknownPlaceholder() {
        assertThatThrownBy(() -> settings(Map.of("path", "out/{modle}.jsonl"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(SUBJECT + "connections.files.path 'out/{modle}.jsonl' has an unknown placeholder {modle};"
                        + " use {export}, {model}, {run_id} or {timestamp}");
    }

    @Test
    void makesEachModelAndExportNameOneSafePathSegment() {
        assertThat(PathTemplate.segment("at_risk_customers__files")).isEqualTo("at_risk_customers__files");
        assertThat(PathTemplate.segment("dim.v2")).isEqualTo("dim.v2");
        assertThat(PathTemplate.segment("Zoë_客户")).isEqualTo("Zoë_客户");
        assertThat(PathTemplate.segment("..")).isEqualTo("_");
        assertThat(PathTemplate.segment("../../etc/passwd")).isEqualTo("____etc_passwd");
        assertThat(PathTemplate.segment("a\\b/c")).isEqualTo("a_b_c");
        assertThat(PathTemplate.segment(".hidden")).isEqualTo("_hidden");
        assertThat(PathTemplate.segment("tab\tnew\nline\u0000")).isEqualTo("tab_new_line_");
        assertThat(PathTemplate.segment("C:x")).isEqualTo("C_x");
        assertThat(PathTemplate.segment("")).isEqualTo("_");

        ExportDescriptor hostile = RowBatchBuilder.export("../../x", "files", SyncMode.UPSERT, "id");
        FileSettings settings = settings(hostile, Map.of("path", "out/{model}/{export}.jsonl"), Map.of());
        assertThat(target(settings)).isEqualTo(projectDir.resolve("out/____x/____x__files.jsonl"));
    }

    @Test
    void refusesAPathInMetaThatClimbsOutOfTheProject() {
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "../x.jsonl")))
                .hasMessage(SUBJECT + "meta.destinations[].options.path '../x.jsonl' has a '..' segment; write it"
                        + " relative to the output directory " + projectDir + " without '..', e.g. out/{export}.jsonl;"
                        + " only spoke.yml may choose other directories (its path, or its directory option)");
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "out/../../x.jsonl")))
                .hasMessageContaining("options.path 'out/../../x.jsonl' has a '..' segment");
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "out/a\\..\\..\\x.jsonl")))
                .hasMessageContaining("has a backslash; separate directories with /");
        assertThat(Files.exists(root.resolve("x.jsonl"))).isFalse();
    }

    @Test
    void refusesAnAbsoluteOrHomePathInMeta() {
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", outside.resolve("x.jsonl").toString())))
                .hasMessageStartingWith(SUBJECT + "meta.destinations[].options.path '" + outside.resolve("x.jsonl")
                        + "' is absolute; write it relative to the output directory");
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "C:/exports/x.jsonl")))
                .hasMessageContaining("'C:/exports/x.jsonl' is absolute");
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "~/x.jsonl")))
                .hasMessageContaining("'~/x.jsonl' starts with ~");
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "out/x\u0000.jsonl")))
                .hasMessageContaining("has a control character");
    }

    @Test
    void refusesAHiddenFileOrDirectoryInMeta() {
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", ".git/hooks/pre-commit")))
                .hasMessage(SUBJECT + "meta.destinations[].options.path '.git/hooks/pre-commit' names a hidden file or"
                        + " directory (.git); choose a name that does not start with a dot; hidden files (.git, .env,"
                        + " spoke's own side files) are not for meta to write");
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "out/.env")))
                .hasMessageContaining("names a hidden file or directory (.env)");
        assertThat(target(settings(CONNECTION, Map.of("path", "./out/{model}.jsonl"))))
                .isEqualTo(projectDir.resolve("out/customers.jsonl"));
    }

    @Test
    void letsSpokeYmlWriteAnywhere() {
        Path elsewhere = outside.resolve("{model}.csv");

        FileSettings absolute = settings(Map.of("path", elsewhere.toString(), "format", "csv"), Map.of());
        FileSettings climbing = settings(Map.of("path", "../outside/{export}.jsonl"), Map.of());

        assertThat(target(absolute)).isEqualTo(outside.resolve("customers.csv"));
        assertThat(target(climbing)).isEqualTo(outside.resolve("customers__files.jsonl"));
    }

    @Test
    void refusesAHomePathInSpokeYmlBecauseNothingExpandsIt() {
        assertThatThrownBy(() -> settings(Map.of("path", "~/exports/{export}.jsonl"), Map.of()))
                .hasMessage(SUBJECT + "connections.files.path '~/exports/{export}.jsonl' starts with ~, which spoke"
                        + " does not expand; write the absolute path, e.g. /home/me/exports, or"
                        + " \"{{ env_var('HOME') }}/exports\"");
    }

    @Test
    void resolvesPathsUnderTheConnectionsDirectory() throws Exception {
        Map<String, Object> connection = Map.of("path", "{export}.jsonl", "directory", outside.toString());

        assertThat(target(settings(connection, Map.of()))).isEqualTo(outside.resolve("customers__files.jsonl"));
        assertThat(target(settings(connection, Map.of("path", "special/{model}.jsonl"))))
                .isEqualTo(outside.resolve("special/customers.jsonl"));
        assertThat(target(settings(Map.of("path", "{export}.jsonl", "directory", "exports"), Map.of())))
                .isEqualTo(projectDir.resolve("exports/customers__files.jsonl"));
        Files.writeString(projectDir.resolve("dbt_project.yml"), "name: shop\n");
        assertThatThrownBy(() -> settings(Map.of("path", "x.jsonl", "directory", "dbt_project.yml"), Map.of()))
                .hasMessage(SUBJECT + "connections.files.directory 'dbt_project.yml' is a file, not a directory;"
                        + " name the directory the files go in");
    }

    @Test
    void refusesAMetaPathThatASymbolicLinkLeadsOutOfTheOutputDirectory() throws Exception {
        Files.createSymbolicLink(projectDir.resolve("shared"), outside);
        Files.createDirectories(projectDir.resolve("out"));
        Files.createSymbolicLink(projectDir.resolve("out/customers.jsonl"), outside.resolve("customers.jsonl"));

        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "shared/{export}.jsonl")))
                .hasMessage(SUBJECT + "meta.destinations[].options.path 'shared/{export}.jsonl' leads, through a"
                        + " symbolic link, to " + outside.toRealPath().resolve("customers__files.jsonl") + ", outside the"
                        + " output directory " + projectDir.toRealPath() + "; write a path inside the output directory "
                        + projectDir + ", or set connections.<name>.directory in spoke.yml to the directory meant");
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "shared/{timestamp}.jsonl")))
                .hasMessageContaining("leads, through a symbolic link, to " + outside.toRealPath());
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "out/{model}.jsonl")))
                .hasMessageContaining("leads, through a symbolic link, to " + outside.toRealPath());
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void acceptsAnOutputDirectoryThatIsASymbolicLinkSetInSpokeYml() throws Exception {
        Files.createSymbolicLink(projectDir.resolve("shared"), outside);

        FileSettings settings = settings(Map.of("path", "{export}.jsonl", "directory", "shared"),
                Map.of("path", "{model}/{timestamp}.jsonl"));

        assertThat(settings.path().target("r", RUN_STARTED))
                .isEqualTo(projectDir.resolve("shared/customers/20261204T093000.123Z.jsonl"));
    }

    @Test
    void takesTheExportsPathOverTheConnections() {
        assertThat(target(settings(Map.of("path", "a.jsonl"), Map.of("path", "b/{model}.jsonl"))))
                .isEqualTo(projectDir.resolve("b/customers.jsonl"));
    }

    @Test
    void refusesAFileThatExistsAndSpokeDidNotCreate() throws Exception {
        Files.writeString(projectDir.resolve("dbt_project.yml"), "name: shop\n");

        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "dbt_project.yml")))
                .hasMessage(SUBJECT + "meta.destinations[].options.path 'dbt_project.yml' names a file that is not"
                        + " spoke's: " + projectDir.resolve("dbt_project.yml") + " exists and spoke did not create it"
                        + " (there is no .dbt_project.yml.spoke-owner beside it); spoke never appends to or replaces a"
                        + " file it did not create: move that file away, or set the path to another file, e.g. with"
                        + " {timestamp} in its name");
        assertThatThrownBy(() -> settings(Map.of("path", "dbt_project.yml", "overwrite", true), Map.of()))
                .hasMessageContaining("connections.files.path 'dbt_project.yml' names a file that is not spoke's");
    }

    @Test
    void acceptsAFileSpokeCreated() throws Exception {
        new FileTestProject(projectDir).write("out/customers__files.jsonl", "{}\n");
        new FileTestProject(projectDir).markAsSpokes("out/customers__files.jsonl");

        assertThat(target(settings(CONNECTION, Map.of()))).isEqualTo(projectDir.resolve("out/customers__files.jsonl"));
    }

    @Test
    void refusesOverwritingWhenEachRunHasAFileOfItsOwn() {
        assertThatThrownBy(() -> settings(Map.of("path", "out/{timestamp}.jsonl", "overwrite", true), Map.of()))
                .hasMessage(SUBJECT + "connections.files.path 'out/{timestamp}.jsonl' gives each run a file of its"
                        + " own, which connections.files.overwrite: true would replace; remove {run_id} and {timestamp}"
                        + " from the path, or remove overwrite: true");
    }

    @Test
    void refusesADirectoryOrASideFileName() throws Exception {
        Files.createDirectories(projectDir.resolve("out"));

        assertThatThrownBy(() -> settings(Map.of("path", "out"), Map.of()))
                .hasMessage(SUBJECT + "connections.files.path 'out' is a directory; name the file, e.g."
                        + " out/{export}.jsonl");
        assertThatThrownBy(() -> settings(Map.of("path", "a.jsonl"), Map.of("path", "exports/")))
                .hasMessage(SUBJECT + "meta.destinations[].options.path 'exports/' is a directory; name the file,"
                        + " e.g. exports/{export}.jsonl");
        assertThatThrownBy(() -> settings(Map.of("path", ".dbt_project.yml.spoke-owner"), Map.of()))
                .hasMessageContaining("names one of spoke's own side files (.spoke-*); choose another file name");
        assertThatThrownBy(() -> settings(CONNECTION, Map.of("path", "out/x.jsonl.spoke-partial")))
                .hasMessageContaining("names one of spoke's own side files (.spoke-*); choose another file name");
    }

    @Test
    void refusesAnEmptyPath() {
        assertThatThrownBy(() -> settings(Map.of("path", " "), Map.of()))
                .hasMessage(SUBJECT + "connections.files.path ' ' is empty; set it to the file to write, e.g."
                        + " out/{export}/{timestamp}.jsonl");
    }

    @Test
    void checksWithoutCreatingAnything() throws Exception {
        FileDestinationFactory factory = new FileDestinationFactory();

        factory.check(FileTestProject.spec(EXPORT, Map.of("path", "out/{export}/{timestamp}.jsonl",
                "directory", "exports"), Map.of("path", "deep/{model}.jsonl")), projectDir);

        assertThat(projectDir).isEmptyDirectory();
    }

    @Test
    void refusesAnUnknownFormatWhenCreated() {
        DestinationSpec spec = new DestinationSpec("files",
                new Options(Map.of("path", "a.xml", "format", "xml")), Options.empty(), EXPORT);

        assertThatThrownBy(() -> new FileDestinationFactory().create(spec, new FileTestProject(projectDir).context()))
                .hasMessage("connection 'files': format 'xml' is not one of jsonl | csv");
    }
}
