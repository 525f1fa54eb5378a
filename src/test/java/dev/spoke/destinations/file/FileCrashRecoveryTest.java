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
        project.write("out/.customers.jsonl.spoke-length", length(CONFIRMED));

        runWriting(Map.of("path", "out/{model}.jsonl", "overwrite", false), "3");

        assertThat(project.read("out/customers.jsonl")).startsWith(CONFIRMED + "{\"key\":\"3\"").doesNotContain("ins\"");
        assertThat(project.list("out")).containsExactly("customers.jsonl");
    }

    @Test
    void keepsAFileWholeWhenTheCrashCameAfterItsLengthWasRecorded() throws Exception {
        project.write("out/customers.jsonl", CONFIRMED);
        project.write("out/.customers.jsonl.spoke-length", length(CONFIRMED));

        runWriting(Map.of("path", "out/{model}.jsonl", "overwrite", false), "3");

        assertThat(project.read("out/customers.jsonl")).startsWith(CONFIRMED + "{\"key\":\"3\"");
    }

    @Test
    void publishesTheRowsACrashedRunConfirmedWithTheNextRunsRows() throws Exception {
        project.write("out/customers.jsonl", "{\"key\":\"old\"}\n");
        project.write("out/.customers.jsonl.spoke-partial", CONFIRMED + TORN);
        project.write("out/.customers.jsonl.spoke-partial.spoke-length", length(CONFIRMED));

        runWriting(Map.of("path", "out/{model}.jsonl"), "3");

        assertThat(project.read("out/customers.jsonl")).startsWith(CONFIRMED + "{\"key\":\"3\"").doesNotContain("old");
        assertThat(project.list("out")).containsExactly("customers.jsonl");
    }

    @Test
    void resumesTheHeaderOfACrashedCsvRun() throws Exception {
        String confirmed = "_op,_key,id,email\ninsert,1,1,a@example.com\n";
        project.write("out/.customers.csv.spoke-partial", confirmed + "insert,2,2,\"b@exa");
        project.write("out/.customers.csv.spoke-partial.spoke-length", length(confirmed));

        runWriting(Map.of("path", "out/{model}.csv", "format", "csv"), "3");

        assertThat(project.read("out/customers.csv")).isEqualTo(confirmed + "insert,3,3,x@example.com\n");
    }

    @Test
    void keepsTheOldFileWhenACrashCameBeforeAWidenedCsvWasMovedIntoPlace() throws Exception {
        String old = "_op,_key,id,email\ninsert,1,1,a@example.com\n";
        String widened = "_op,_key,id,email,plan\ninsert,1,1,a@example.com,\n";
        project.write("out/customers.csv", old);
        project.write("out/.customers.csv.spoke-rewrite", widened);
        project.write("out/.customers.csv.spoke-length", length(widened));

        runWriting(Map.of("path", "out/{model}.csv", "format", "csv", "overwrite", false), "3");

        assertThat(project.read("out/customers.csv")).isEqualTo(old + "insert,3,3,x@example.com\n");
        assertThat(project.list("out")).containsExactly("customers.csv");
    }
}
