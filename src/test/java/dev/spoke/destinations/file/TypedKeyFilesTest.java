package dev.spoke.destinations.file;

import static dev.spoke.destination.RowBatchBuilder.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.Destination;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowBatchBuilder;
import dev.spoke.destination.RowOperation;
import dev.spoke.destination.SyncMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys in files carry the model's types: in JSON Lines as JSON values, in CSV's {@code _key} as a field of the type is. */
class TypedKeyFilesTest {
    private static final ExportDescriptor ORDERS =
            RowBatchBuilder.export("orders", "files", SyncMode.MIRROR, "order_id", "tenant");

    @TempDir
    Path projectDir;
    private FileTestProject project;

    @BeforeEach
    void setUp() {
        project = new FileTestProject(projectDir);
    }

    private RowBatch upsertsAndDeletes(ExportDescriptor export, boolean deletes) {
        RowBatchBuilder rows = RowBatchBuilder.forExport(export);
        if (deletes) {
            return rows.typed(RowOperation.DELETE, fields("order_id", 201L, "tenant", "x"), fields()).build();
        }
        return rows.typed(RowOperation.INSERT, fields("order_id", 1, "tenant", "x"), fields("total", 12)).build();
    }

    private void write(ExportDescriptor export, Map<String, Object> connection) throws Exception {
        try (Destination destination = project.create(export, connection)) {
            destination.write(upsertsAndDeletes(export, false));
            destination.write(upsertsAndDeletes(export, true));
        }
    }

    @Test
    void jsonLinesCarryKeysAndDeletedKeyFieldsWithTheirTypes() throws Exception {
        write(ORDERS, Map.of("path", "out/{model}.jsonl", "format", "jsonl"));

        assertThat(project.read("out/orders.jsonl"))
                .contains("{\"key\":{\"order_id\":1,\"tenant\":\"x\"},\"op\":\"insert\"")
                .contains("\"fields\":{\"order_id\":1,\"tenant\":\"x\",\"total\":12}}")
                .contains("{\"key\":{\"order_id\":201,\"tenant\":\"x\"},\"op\":\"delete\"")
                .contains("\"fields\":{\"order_id\":201,\"tenant\":\"x\"}}");
    }

    @Test
    void aOneColumnBigintKeyIsANumberInJsonLines() throws Exception {
        ExportDescriptor accounts = RowBatchBuilder.export("accounts", "files", SyncMode.MIRROR, "id");
        try (Destination destination = project.create(accounts, Map.of("path", "out/{model}.jsonl"))) {
            destination.write(RowBatchBuilder.forExport(accounts)
                    .typed(RowOperation.DELETE, Map.of("id", 9_007_199_254_740_993L), Map.of()).build());
        }

        assertThat(project.read("out/accounts.jsonl")).startsWith("{\"key\":9007199254740993,\"op\":\"delete\"")
                .contains("\"fields\":{\"id\":9007199254740993}}");
    }

    @Test
    void csvWritesTheKeyAsItsFieldsAreWritten() throws Exception {
        write(ORDERS, Map.of("path", "out/{model}.csv", "format", "csv"));

        assertThat(project.read("out/orders.csv")).isEqualTo("""
                _op,_key,order_id,tenant,total
                insert,"{""order_id"":1,""tenant"":""x""}",1,x,12
                delete,"{""order_id"":201,""tenant"":""x""}",201,x,
                """);
    }
}
