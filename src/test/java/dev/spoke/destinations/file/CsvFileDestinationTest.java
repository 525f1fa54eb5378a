package dev.spoke.destinations.file;

import static dev.spoke.destination.RowBatchBuilder.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOperation;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.SyncMode;
import dev.spoke.destination.WriteResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV content: header, flattening, escaping, deletes, new fields, appending under an existing header. */
class CsvFileDestinationTest {
    private static final ExportDescriptor EXPORT = RowBatchBuilder.export("customers", "files", SyncMode.MIRROR, "id");
    private static final Map<String, Object> CSV = Map.of("path", "out/{model}.csv", "format", "csv");

    @TempDir
    Path projectDir;
    private FileTestProject project;

    @BeforeEach
    void setUp() {
        project = new FileTestProject(projectDir);
    }

    private List<WriteResult> run(ExportDescriptor export, Map<String, Object> connection, RowBatch... batches)
            throws DestinationException {
        try (Destination destination = project.create(export, connection)) {
            List<WriteResult> results = new ArrayList<>();
            for (RowBatch batch : batches) {
                results.add(destination.write(batch));
            }
            return results;
        }
    }

    @Test
    void writesAHeaderAndOneEscapedRecordPerRowWithNestedFieldsFlattened() throws Exception {
        RowBatch upserts = RowBatchBuilder.forExport(EXPORT)
                .insert("42", fields("email", "zoë@example.com", "name", "Zoë, \"Z\"\nline 2", "balance",
                        new BigDecimal("12.50"), "merge_fields", Map.of("FNAME", "Zoë"), "tags", List.of("a", "b"),
                        "vip", true, "note", null))
                .update("43", fields("email", "bob@example.com", "balance", 7))
                .build();
        RowBatch deletes = RowBatchBuilder.forExport(EXPORT).delete("44").build();

        run(EXPORT, CSV, upserts, deletes);

        assertThat(project.read("out/customers.csv")).isEqualTo("""
                _op,_key,id,email,name,balance,merge_fields.FNAME,tags,vip,note
                insert,42,42,zoë@example.com,"Zoë, ""Z""
                line 2",12.50,Zoë,"[""a"",""b""]",true,
                update,43,43,bob@example.com,,7,,,,
                delete,44,44,,,,,,,
                """);
    }

    @Test
    void writesACompositeKeyAsJson() throws Exception {
        ExportDescriptor export = RowBatchBuilder.export("orders", "files", SyncMode.UPSERT, "tenant", "order_id");

        run(export, Map.of("path", "out/{model}.csv", "format", "csv"), RowBatchBuilder.forExport(export)
                .add(RowOperation.INSERT, RowKey.of("acme", "1001"), fields("total", 12)).build());

        assertThat(project.read("out/orders.csv")).isEqualTo("""
                _op,_key,tenant,order_id,total
                insert,"{""tenant"":""acme"",""order_id"":""1001""}",acme,1001,12
                """);
    }

    @Test
    void widensTheFileWhenALaterRowBringsANewField() throws Exception {
        run(EXPORT, CSV,
                RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "a@example.com")).build(),
                RowBatchBuilder.forExport(EXPORT).insert("2", fields("email", "b@example.com", "plan", "pro")).build());

        assertThat(project.read("out/customers.csv")).isEqualTo("""
                _op,_key,id,email,plan
                insert,1,1,a@example.com,
                insert,2,2,b@example.com,pro
                """);
        assertThat(project.list("out")).containsExactly(".customers.csv.spoke-owner", "customers.csv");
    }

    @Test
    void widensAFileThatStartedWithDeletes() throws Exception {
        run(EXPORT, CSV,
                RowBatchBuilder.forExport(EXPORT).delete("9").build(),
                RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "a@example.com")).build());

        assertThat(project.read("out/customers.csv")).isEqualTo("""
                _op,_key,id,email
                delete,9,9,
                insert,1,1,a@example.com
                """);
    }

    @Test
    void appendsUnderTheHeaderAnEarlierRunWrote() throws Exception {
        run(EXPORT, CSV, RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "a@example.com", "plan", "pro")).build());
        run(EXPORT, CSV, RowBatchBuilder.forExport(EXPORT).update("1", fields("plan", "basic", "email", "a@example.com")).build());

        assertThat(project.read("out/customers.csv")).isEqualTo("""
                _op,_key,id,email,plan
                insert,1,1,a@example.com,pro
                update,1,1,a@example.com,basic
                """);
    }

    @Test
    void widensAFileAnEarlierRunWroteAndKeepsItsMark() throws Exception {
        run(EXPORT, CSV, RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "a@example.com")).build());
        run(EXPORT, CSV, RowBatchBuilder.forExport(EXPORT).insert("2", fields("email", "b@example.com", "plan", "pro")).build());
        run(EXPORT, CSV, RowBatchBuilder.forExport(EXPORT).insert("3", fields("plan", "basic")).build());

        assertThat(project.read("out/customers.csv")).isEqualTo("""
                _op,_key,id,email,plan
                insert,1,1,a@example.com,
                insert,2,2,b@example.com,pro
                insert,3,3,,basic
                """);
        assertThat(project.list("out")).containsExactly(".customers.csv.spoke-owner", "customers.csv");
    }

    @Test
    void publishesNoFileWhenEveryRowOfTheRunWasRejected() throws Exception {
        WriteResult result = run(EXPORT, CSV, RowBatchBuilder.forExport(EXPORT)
                .insert("1", fields("a.b", 1, "a", Map.of("b", 2))).build()).get(0);

        assertThat(result.outcomes().get(RowKey.of("1"))).isInstanceOf(RowOutcome.Rejected.class);
        assertThat(projectDir.resolve("out")).isEmptyDirectory();
    }

    @Test
    void refusesToAppendToACsvFileWhoseHeaderSpokeDidNotWrite() {
        project.write("out/customers.csv", "name,email\nAda,ada@example.com\n");
        project.markAsSpokes("out/customers.csv");

        DestinationException failure = catchThrowableOfType(DestinationException.class, () -> run(EXPORT, CSV,
                RowBatchBuilder.forExport(EXPORT).insert("1", fields("email", "a@example.com")).build()));

        assertThat(failure.kind()).isEqualTo(DestinationException.Kind.FATAL);
        assertThat(failure).hasMessageContaining("is not a CSV file written by spoke (its header does not start with _op,_key)");
        assertThat(project.read("out/customers.csv")).isEqualTo("name,email\nAda,ada@example.com\n");
    }

    @Test
    void rejectsOnlyTheRowWhoseFieldsNameTheSameColumn() throws Exception {
        RowBatch batch = RowBatchBuilder.forExport(EXPORT)
                .insert("1", fields("a.b", 1, "a", Map.of("b", 2)))
                .insert("2", fields("a", Map.of("b", 3)))
                .build();

        WriteResult result = run(EXPORT, CSV, batch).get(0);

        assertThat(result.outcomes().get(RowKey.of("1"))).isInstanceOfSatisfying(RowOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).startsWith("field 'a.b' names the same CSV column as another field");
            assertThat(rejected.retryable()).isFalse();
        });
        assertThat(result.outcomes().get(RowKey.of("2"))).isEqualTo(RowOutcome.delivered());
        assertThat(project.read("out/customers.csv")).isEqualTo("_op,_key,id,a.b\ninsert,2,2,3\n");
    }
}
