package dev.spoke.destinations.file;

import static dev.spoke.destination.RowBatchBuilder.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.SyncMode;
import dev.spoke.destination.WriteResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines content, placeholders, overwrite and append across runs. */
class FileDestinationTest {
    private static final ExportDescriptor EXPORT =
            RowBatchBuilder.export("at_risk_customers", "files", SyncMode.MIRROR, "customer_id");
    private static final Map<String, Object> JSONL = Map.of("path", "out/{export}.jsonl");
    private static final String TARGET = "out/at_risk_customers__files.jsonl";

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
        try (Destination destination = project.create(EXPORT, connection)) {
            for (RowBatch batch : batches) {
                assertThat(destination.write(batch)).isEqualTo(WriteResult.allDelivered(batch));
            }
        }
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
    void replacesTheFileAtTheEndOfEachRunByDefault() throws Exception {
        run(JSONL, rows("1", "2"));
        Destination secondRun = project.create(EXPORT, JSONL);
        secondRun.write(rows("3"));

        assertThat(project.read(TARGET)).as("the first run's file until the second run ends")
                .contains("\"key\":\"1\"").doesNotContain("\"key\":\"3\"");
        secondRun.close();
        assertThat(project.read(TARGET)).contains("\"key\":\"3\"").doesNotContain("\"key\":\"1\"");
        assertThat(project.list("out")).containsExactly("at_risk_customers__files.jsonl");
    }

    @Test
    void leavesAnEmptyFileAfterARunThatWroteNothing() throws Exception {
        run(JSONL, rows("1"));
        run(JSONL);

        assertThat(project.read(TARGET)).isEmpty();
    }

    @Test
    void appendsAcrossRunsWhenNotOverwriting() throws Exception {
        Map<String, Object> append = Map.of("path", "out/{export}.jsonl", "overwrite", false);
        run(append, rows("1"));
        run(append, rows("2"), rows("3"));

        assertThat(project.read(TARGET).lines().map(l -> l.substring(0, 10))).containsExactly(
                "{\"key\":\"1\"", "{\"key\":\"2\"", "{\"key\":\"3\"");
        assertThat(project.list("out")).containsExactly("at_risk_customers__files.jsonl");
    }

    @Test
    void startsRowsOnTheirOwnLineInAFileEditedByHand() throws Exception {
        project.write(TARGET, "{\"note\":\"no newline at the end\"}");

        run(Map.of("path", "out/{export}.jsonl", "overwrite", false), rows("1"));

        assertThat(project.read(TARGET)).startsWith("{\"note\":\"no newline at the end\"}\n{\"key\":\"1\"");
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
        Destination destination = project.create(EXPORT, Map.of("path", "blocked/{export}.jsonl", "overwrite", false));

        DestinationException failure = catchThrowableOfType(DestinationException.class, () -> destination.write(rows("1")));

        assertThat(failure.kind()).isEqualTo(DestinationException.Kind.FATAL);
        assertThat(failure).hasMessageStartingWith("could not write " + projectDir.resolve("blocked/at_risk_customers__files.jsonl"));
        destination.close();
    }
}
