package dev.spoke.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowFields;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOperation;
import dev.spoke.destination.SyncMode;
import java.util.List;
import java.util.stream.IntStream;

/** Batches of simple rows for tests. */
final class Rows {
    static final ExportDescriptor CUSTOMERS = export("customers__crm");
    static final ExportDescriptor LEADS = export("leads__crm");

    private Rows() {
    }

    static ExportDescriptor export(String exportId) {
        return new ExportDescriptor(exportId, exportId.split("__")[0], "model.shop." + exportId.split("__")[0], "crm",
                SyncMode.UPSERT, List.of("id"));
    }

    /** Keys {@code prefix-0} to {@code prefix-(count-1)}. */
    static List<RowKey> keys(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> RowKey.of(prefix + "-" + i)).toList();
    }

    static RowBatch batch(List<RowKey> keys) {
        return batch(CUSTOMERS, keys);
    }

    static RowBatch batch(ExportDescriptor export, List<RowKey> keys) {
        return new RowBatch(export, keys.stream().map(Rows::row).toList());
    }

    static OutgoingRow row(RowKey key) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("id", key.text());
        return new OutgoingRow(key, RowOperation.INSERT, "hash-" + key.text(), "idem-" + key.text(),
                RowFields.fromTree(payload));
    }
}
