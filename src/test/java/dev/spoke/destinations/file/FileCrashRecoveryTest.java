package dev.spoke.destinations.file;

import static dev.spoke.destination.RowBatchBuilder.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.Destination;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.SyncMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run finds after an earlier one died: the files a crash leaves are written here by hand (a row file, its
 * {@code .spoke-length} side file holding the confirmed length, a torn last write), then a new run opens them.
 */
class FileCrashRecoveryTest {
    private static final ExportDescriptor EXPORT = RowBatchBuilder.export("customers", "files", SyncMode.UPSERT, "id");
    private static final String CONFIRMED = "{\"key\":\"1\",\"op\":\"insert\"}\n";
    private static final String TORN = "{\"key\":\"2\",\"op\":\"ins";
    private static final Map<String, Object> APPEND = Map.of("path", "out/{model}.jsonl");
    private static final Map<String, Object> PER_RUN = Map.of("path", "out/{model}/{timestamp}.jsonl");
    private static final String DIED = "out/customers/20261204T080000.000Z.jsonl";
    private static final String DIED_PARTIAL = "out/customers/.20261204T080000.000Z.jsonl.spoke-partial";

    @TempDir
    Path projectDir;
    private FileTestProject project;

    @BeforeEach
    void setUp() {
        project = new FileTestProject(projectDir);
    }

    private static String length(String content) {
        return content.getBytes(StandardCharsets.UTF_8).length + "\n";
    }

    private void runWriting(Map<String, Object> connection, String key) throws Exception {
        RowBatch batch = RowBatchBuilder.forExport(EXPORT).insert(key, fields("email", "x@example.com")).build();
        try (Destination destination = project.create(EXPORT, connection)) {
            destination.write(batch);
        }
    }

    @Test
    void cutsOffTheTornTailOfAnAppendACrashInterrupted() throws Exception {
        project.write("out/customers.jsonl", CONFIRMED + TORN);
        project.markAsSpokes("out/customers.jsonl");
        project.write("out/.customers.jsonl.spoke-length", length(CONFIRMED));

        runWriting(APPEND, "3");

        assertThat(project.read("out/customers.jsonl")).startsWith(CONFIRMED + "{\"key\":\"3\"").doesNotContain("ins\"");
        assertThat(project.list("out")).containsExactly(".customers.jsonl.spoke-owner", "customers.jsonl");
    }

    @Test
    void keepsAFileWholeWhenTheCrashCameAfterItsLengthWasRecorded() throws Exception {
        project.write("out/customers.jsonl", CONFIRMED);
        project.markAsSpokes("out/customers.jsonl");
        project.write("out/.customers.jsonl.spoke-length", length(CONFIRMED));

        runWriting(APPEND, "3");

        assertThat(project.read("out/customers.jsonl")).startsWith(CONFIRMED + "{\"key\":\"3\"");
    }

    @Test
    void publishesTheRowsACrashedOverwritingRunConfirmedWithTheNextRunsRows() throws Exception {
        project.write("out/customers.jsonl", "{\"key\":\"old\"}\n");
        project.markAsSpokes("out/customers.jsonl");
        project.write("out/.customers.jsonl.spoke-partial", CONFIRMED + TORN);
        project.write("out/.customers.jsonl.spoke-partial.spoke-length", length(CONFIRMED));

        runWriting(Map.of("path", "out/{model}.jsonl", "overwrite", true), "3");

        assertThat(project.read("out/customers.jsonl")).startsWith(CONFIRMED + "{\"key\":\"3\"").doesNotContain("old");
        assertThat(project.list("out")).containsExactly(".customers.jsonl.spoke-owner", "customers.jsonl");
    }

    @Test
    void resumesTheHeaderOfACrashedCsvRun() throws Exception {
        String confirmed = "_op,_key,id,email\ninsert,1,1,a@example.com\n";
        project.write("out/.customers.csv.spoke-partial", confirmed + "insert,2,2,\"b@exa");
        project.write("out/.customers.csv.spoke-partial.spoke-length", length(confirmed));

        runWriting(Map.of("path", "out/{model}.csv", "format", "csv"), "3");

        assertThat(project.read("out/customers.csv")).isEqualTo(confirmed + "insert,3,3,x@example.com\n");
        assertThat(project.list("out")).containsExactly(".customers.csv.spoke-owner", "customers.csv");
    }

    @Test
    void keepsTheOldFileWhenACrashCameBeforeAWidenedCsvWasMovedIntoPlace() throws Exception {
        String old = "_op,_key,id,email\ninsert,1,1,a@example.com\n";
        String widened = "_op,_key,id,email,plan\ninsert,1,1,a@example.com,\n";
        project.write("out/customers.csv", old);
        project.markAsSpokes("out/customers.csv");
        project.write("out/.customers.csv.spoke-rewrite", widened);
        project.write("out/.customers.csv.spoke-length", length(widened));

        runWriting(Map.of("path", "out/{model}.csv", "format", "csv"), "3");

        assertThat(project.read("out/customers.csv")).isEqualTo(old + "insert,3,3,x@example.com\n");
        assertThat(project.list("out")).containsExactly(".customers.csv.spoke-owner", "customers.csv");
    }

    @Test
    void publishesTheFileOfARunThatDiedWhenTheNextRunSendsNothing() throws Exception {
        project.write(DIED_PARTIAL, CONFIRMED + TORN);
        project.write(DIED_PARTIAL + ".spoke-length", length(CONFIRMED));

        project.create(EXPORT, PER_RUN).close();

        assertThat(project.read(DIED)).isEqualTo(CONFIRMED);
        assertThat(project.tree("out")).containsExactly("customers/20261204T080000.000Z.jsonl");
    }

    @Test
    void publishesTheFileOfARunThatDiedBesideTheNextRunsOwn() throws Exception {
        project.write(DIED_PARTIAL, CONFIRMED);
        project.write(DIED_PARTIAL + ".spoke-length", length(CONFIRMED));

        runWriting(PER_RUN, "3");

        assertThat(project.read(DIED)).isEqualTo(CONFIRMED);
        assertThat(project.read("out/customers/20261204T093000.123Z.jsonl")).startsWith("{\"key\":\"3\"");
        assertThat(project.tree("out")).containsExactly("customers/20261204T080000.000Z.jsonl",
                "customers/20261204T093000.123Z.jsonl");
    }

    @Test
    void deletesThePartialFileOfARunThatDiedBeforeConfirmingARow() throws Exception {
        project.write(DIED_PARTIAL, TORN);
        project.write(DIED_PARTIAL + ".spoke-length", length(""));

        project.create(EXPORT, PER_RUN).close();

        assertThat(project.tree("out")).isEmpty();
    }

    @Test
    void leavesThePartialFileOfARunStillWriting() throws Exception {
        RowBatch batch = RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "x@example.com")).build();
        try (Destination stillWriting = project.create(project.run("run-0", Instant.parse("2026-12-04T08:00:00Z")),
                EXPORT, PER_RUN, Map.of())) {
            stillWriting.write(batch);

            project.create(EXPORT, PER_RUN).close();

            assertThat(project.tree("out")).containsExactly("customers/.20261204T080000.000Z.jsonl.spoke-partial",
                    "customers/.20261204T080000.000Z.jsonl.spoke-partial.spoke-length");
        }
        assertThat(project.tree("out")).containsExactly("customers/20261204T080000.000Z.jsonl");
    }

    @Test
    void publishesTheFirstFileOfAnAppendedPathWhenTheRunThatStartedItDied() throws Exception {
        project.write("out/.customers.jsonl.spoke-partial", CONFIRMED + TORN);
        project.write("out/.customers.jsonl.spoke-partial.spoke-length", length(CONFIRMED));

        project.create(EXPORT, APPEND).close();
        runWriting(APPEND, "3");

        assertThat(project.read("out/customers.jsonl")).startsWith(CONFIRMED + "{\"key\":\"3\"");
        assertThat(project.list("out")).containsExactly(".customers.jsonl.spoke-owner", "customers.jsonl");
    }
}
