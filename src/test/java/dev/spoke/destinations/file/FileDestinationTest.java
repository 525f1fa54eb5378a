package dev.spoke.destinations.file;

import static dev.spoke.destination.RowBatchBuilder.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.SyncMode;
import dev.spoke.destination.WriteResult;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Lines content, placeholders, and what runs leave in the files: each run's own file, appends across runs,
 * overwrite, a run that delivers nothing, files spoke did not create.
 */
class FileDestinationTest {
    private static final ExportDescriptor EXPORT =
            RowBatchBuilder.export("at_risk_customers", "files", SyncMode.MIRROR, "customer_id");
    private static final Map<String, Object> JSONL = Map.of("path", "out/{export}.jsonl");
    private static final Map<String, Object> PER_RUN = Map.of("path", "out/{export}/{timestamp}.jsonl");
    private static final Map<String, Object> OVERWRITE = Map.of("path", "out/{export}.jsonl", "overwrite", true);
    private static final String TARGET = "out/at_risk_customers__files.jsonl";
    private static final Instant SECOND_RUN = FileTestProject.FIRST_RUN.plusSeconds(3600);

    @TempDir
    Path projectDir;
    private FileTestProject project;

    @BeforeEach
    void setUp() {
        project = new FileTestProject(projectDir);
    }

    private static String line(OutgoingRow row, String op, String fields) {
        return "{\"key\":\"" + row.key().text() + "\",\"op\":\"" + op + "\",\"idempotency_key\":\"" + row.idempotencyKey()
                + "\",\"fields\":" + fields + "}\n";
    }

    private RowBatch rows(String... keys) {
        RowBatchBuilder rows = RowBatchBuilder.forExport(EXPORT);
        for (String key : keys) {
            rows.insert(key, fields("email", key + "@example.com"));
        }
        return rows.build();
    }

    private void run(Map<String, Object> connection, RowBatch... batches) throws DestinationException {
        run(project.context(), connection, batches);
    }

    private void run(DestinationContext context, Map<String, Object> connection, RowBatch... batches)
            throws DestinationException {
        try (Destination destination = project.create(context, EXPORT, connection, Map.of())) {
            for (RowBatch batch : batches) {
                assertThat(destination.write(batch)).isEqualTo(WriteResult.allDelivered(batch));
            }
        }
    }

    /** The keys of the rows in a file of the project, in file order. */
    private List<String> keysIn(String relativePath) {
        return project.read(relativePath).lines().map(line -> line.substring(8, line.indexOf('"', 8))).toList();
    }

    private FileTime modified(String relativePath) throws Exception {
        return Files.getLastModifiedTime(projectDir.resolve(relativePath));
    }

    @Test
    void writesOneJsonObjectPerRowKeepingUnicodeAndExactDecimals() throws Exception {
        RowBatch upserts = RowBatchBuilder.forExport(EXPORT)
                .insert("42", fields("email", "zoë@example.com", "name", "Zoë 🚀\n\"Z\"", "balance", new BigDecimal("12.50"),
                        "merge_fields", Map.of("FNAME", "Zoë")))
                .update("43", fields("email", "bob@example.com", "balance", null))
                .build();
        RowBatch deletes = RowBatchBuilder.forExport(EXPORT).delete("44").build();

        run(JSONL, upserts, deletes);

        assertThat(project.read(TARGET)).isEqualTo(
                line(upserts.rows().get(0), "insert", "{\"customer_id\":\"42\",\"email\":\"zoë@example.com\","
                        + "\"name\":\"Zoë 🚀\\n\\\"Z\\\"\",\"balance\":12.50,\"merge_fields\":{\"FNAME\":\"Zoë\"}}")
                + line(upserts.rows().get(1), "update", "{\"customer_id\":\"43\",\"email\":\"bob@example.com\",\"balance\":null}")
                + line(deletes.rows().get(0), "delete", "{\"customer_id\":\"44\"}"));
    }

    @Test
    void createsTheDirectoryAndFillsPlaceholdersRelativeToTheProject() throws Exception {
        run(Map.of("path", "exports/{model}/nested/{export}.jsonl"), rows("1"));

        assertThat(project.read("exports/at_risk_customers/nested/at_risk_customers__files.jsonl")).contains("\"key\":\"1\"");
    }

    @Test
    void letsAnExportChooseItsOwnPath() throws Exception {
        try (Destination destination = project.create(EXPORT, JSONL, Map.of("path", "special/{model}.jsonl"))) {
            destination.write(rows("1"));
        }

        assertThat(project.read("special/at_risk_customers.jsonl")).contains("\"key\":\"1\"");
        assertThat(projectDir.resolve("out")).doesNotExist();
    }

    @Test
    void writesEachRunsRowsToAFileOfItsOwnNamedByItsStart() throws Exception {
        run(PER_RUN, rows("1", "2"));
        run(project.run("run-2", SECOND_RUN), PER_RUN, rows("3"), rows("4"));

        assertThat(project.tree("out")).containsExactly(
                "at_risk_customers__files/20261204T093000.123Z.jsonl",
                "at_risk_customers__files/20261204T103000.123Z.jsonl");
        assertThat(keysIn("out/at_risk_customers__files/20261204T093000.123Z.jsonl")).containsExactly("1", "2");
        assertThat(keysIn("out/at_risk_customers__files/20261204T103000.123Z.jsonl")).containsExactly("3", "4");
    }

    @Test
    void namesARunsFileByItsRunId() throws Exception {
        run(project.run("0b7e-41d2", SECOND_RUN), Map.of("path", "out/{model}-{run_id}.jsonl"), rows("1"));

        assertThat(project.tree("out")).containsExactly("at_risk_customers-0b7e-41d2.jsonl");
    }

    @Test
    void showsANewFileUnderItsNameOnlyOnceItIsWhole() throws Exception {
        String target = "out/at_risk_customers__files/20261204T093000.123Z.jsonl";
        try (Destination destination = project.create(EXPORT, PER_RUN)) {
            destination.write(rows("1"));

            assertThat(projectDir.resolve(target)).as("not yet published").doesNotExist();
            assertThat(project.tree("out")).containsExactly(
                    "at_risk_customers__files/.20261204T093000.123Z.jsonl.spoke-partial",
                    "at_risk_customers__files/.20261204T093000.123Z.jsonl.spoke-partial.spoke-length");
        }

        assertThat(keysIn(target)).containsExactly("1");
        assertThat(project.tree("out")).containsExactly("at_risk_customers__files/20261204T093000.123Z.jsonl");
    }

    @Test
    void writesNothingForARunThatDeliversNothing() throws Exception {
        run(PER_RUN);
        run(JSONL);
        assertThat(projectDir).as("no file, no directory").isEmptyDirectory();

        run(PER_RUN, rows("1"));
        String first = "out/at_risk_customers__files/20261204T093000.123Z.jsonl";
        String content = project.read(first);
        FileTime modified = modified(first);
        run(project.run("run-2", SECOND_RUN), PER_RUN);

        assertThat(project.tree("out")).containsExactly("at_risk_customers__files/20261204T093000.123Z.jsonl");
        assertThat(project.read(first)).isEqualTo(content);
        assertThat(modified(first)).isEqualTo(modified);
    }

    @Test
    void appendsAcrossRunsToOneFileWhenThePathHasNoRunPlaceholder() throws Exception {
        run(JSONL, rows("1"));
        run(project.run("run-2", SECOND_RUN), JSONL, rows("2"), rows("3"));
        String content = project.read(TARGET);
        FileTime modified = modified(TARGET);
        run(project.run("run-3", SECOND_RUN.plusSeconds(60)), JSONL);

        assertThat(keysIn(TARGET)).containsExactly("1", "2", "3");
        assertThat(project.read(TARGET)).as("the run that delivered nothing left it alone").isEqualTo(content);
        assertThat(modified(TARGET)).isEqualTo(modified);
        assertThat(project.list("out")).containsExactly(".at_risk_customers__files.jsonl.spoke-owner",
                "at_risk_customers__files.jsonl");
    }

    @Test
    void confirmsAnAppendOnlyOnceItsRowsAreInTheFile() throws Exception {
        run(JSONL, rows("1"));
        try (Destination secondRun = project.create(project.run("run-2", SECOND_RUN), EXPORT, JSONL, Map.of())) {
            secondRun.write(rows("2"));

            assertThat(keysIn(TARGET)).as("in the file when write returns").containsExactly("1", "2");
            assertThat(Long.parseLong(project.read("out/.at_risk_customers__files.jsonl.spoke-length").strip()))
                    .as("the confirmed length a crash cuts back to").isEqualTo(Files.size(projectDir.resolve(TARGET)));

            secondRun.write(rows("3"));
            assertThat(keysIn(TARGET)).containsExactly("1", "2", "3");
        }
        assertThat(project.list("out")).doesNotContain(".at_risk_customers__files.jsonl.spoke-length");
    }

    @Test
    void replacesTheFileWithTheLastRunsChangeSetWhenOverwriting() throws Exception {
        run(OVERWRITE, rows("1", "2"));
        Destination secondRun = project.create(project.run("run-2", SECOND_RUN), EXPORT, OVERWRITE, Map.of());
        secondRun.write(rows("3"));

        assertThat(keysIn(TARGET)).as("the first run's file until the second run ends").containsExactly("1", "2");
        secondRun.close();
        assertThat(keysIn(TARGET)).containsExactly("3");
        assertThat(project.list("out")).containsExactly(".at_risk_customers__files.jsonl.spoke-owner",
                "at_risk_customers__files.jsonl");
    }

    @Test
    void keepsTheLastFileWhenAnOverwritingRunDeliversNothing() throws Exception {
        run(OVERWRITE, rows("1"));
        FileTime modified = modified(TARGET);
        run(project.run("run-2", SECOND_RUN), OVERWRITE);

        assertThat(keysIn(TARGET)).containsExactly("1");
        assertThat(modified(TARGET)).isEqualTo(modified);
    }

    @Test
    void neverAppendsToAFileThatAppearedAndSpokeDidNotCreate() {
        Destination destination = project.create(EXPORT, JSONL);
        project.write(TARGET, "someone else's notes\n");

        DestinationException failure = catchThrowableOfType(DestinationException.class, () -> destination.write(rows("1")));
        destination.close();

        assertThat(failure.kind()).isEqualTo(DestinationException.Kind.FATAL);
        assertThat(failure).hasMessage("could not write " + projectDir.resolve(TARGET) + ": IOException: "
                + projectDir.resolve(TARGET) + " exists and spoke did not create it (there is no"
                + " .at_risk_customers__files.jsonl.spoke-owner beside it); spoke never appends to or replaces a file it"
                + " did not create: move that file away, or set the path to another file, e.g. with {timestamp} in its"
                + " name");
        assertThat(project.read(TARGET)).isEqualTo("someone else's notes\n");
    }

    @Test
    void neverReplacesAFileThatTookTheNameDuringTheRunAndKeepsTheRowsForTheNextRun() throws Exception {
        String target = "out/at_risk_customers__files/20261204T093000.123Z.jsonl";
        Destination destination = project.create(EXPORT, PER_RUN);
        destination.write(rows("1"));
        project.write(target, "someone else's notes\n");

        assertThatThrownBy(destination::close).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(projectDir.resolve(target) + " exists, and spoke does not replace it: the rows in "
                        + projectDir.resolve("out/at_risk_customers__files/.20261204T093000.123Z.jsonl.spoke-partial")
                        + " (written before it existed, and already counted as delivered) wait there; move"
                        + " 20261204T093000.123Z.jsonl away and the next run moves them under its name");
        assertThat(project.read(target)).isEqualTo("someone else's notes\n");

        Files.move(projectDir.resolve(target), projectDir.resolve("notes.txt"));
        run(project.run("run-2", SECOND_RUN), PER_RUN);
        assertThat(keysIn(target)).containsExactly("1");
        assertThat(project.tree("out")).containsExactly("at_risk_customers__files/20261204T093000.123Z.jsonl");
    }

    @Test
    void refusesAFileAnotherRunOrExportOfTheSameNameWrote() throws Exception {
        run(PER_RUN, rows("1"));
        Destination sameMillisecond = project.create(project.run("run-2", FileTestProject.FIRST_RUN), EXPORT, PER_RUN,
                Map.of());

        DestinationException failure = catchThrowableOfType(DestinationException.class,
                () -> sameMillisecond.write(rows("2")));
        sameMillisecond.close();

        assertThat(failure.kind()).isEqualTo(DestinationException.Kind.FATAL);
        assertThat(failure).hasMessageContaining("20261204T093000.123Z.jsonl exists already: another run or export"
                + " wrote it").hasMessageEndingWith("put {export} and {run_id} in the path");
        assertThat(keysIn("out/at_risk_customers__files/20261204T093000.123Z.jsonl")).containsExactly("1");
    }

    @Test
    void startsRowsOnTheirOwnLineInAFileEditedByHand() throws Exception {
        run(JSONL, rows("1"));
        Files.writeString(projectDir.resolve(TARGET), "{\"note\":\"no newline at the end\"}",
                java.nio.file.StandardOpenOption.APPEND);

        run(project.run("run-2", SECOND_RUN), JSONL, rows("2"));

        assertThat(project.read(TARGET)).contains("{\"note\":\"no newline at the end\"}\n{\"key\":\"2\"");
    }

    @Test
    void refusesASecondWriterOfTheSameFile() throws Exception {
        try (Destination first = project.create(EXPORT, JSONL);
             Destination second = project.create(EXPORT, JSONL)) {
            first.write(rows("1"));

            DestinationException failure = catchThrowableOfType(DestinationException.class, () -> second.write(rows("2")));

            assertThat(failure.kind()).isEqualTo(DestinationException.Kind.FATAL);
            assertThat(failure).hasMessageContaining("is being written by another export or spoke process");
        }
        assertThat(project.read(TARGET)).contains("\"key\":\"1\"").doesNotContain("\"key\":\"2\"");
    }

    @Test
    void failsClearlyWhenTheDirectoryCannotBeCreated() {
        project.write("blocked", "a file where a directory should be");
        Destination destination = project.create(EXPORT, Map.of("path", "blocked/{export}.jsonl"));

        DestinationException failure = catchThrowableOfType(DestinationException.class, () -> destination.write(rows("1")));

        assertThat(failure.kind()).isEqualTo(DestinationException.Kind.FATAL);
        assertThat(failure).hasMessageStartingWith("could not write " + projectDir.resolve("blocked/at_risk_customers__files.jsonl"));
        destination.close();
        assertThat(project.read("blocked")).isEqualTo("a file where a directory should be");
    }
}
