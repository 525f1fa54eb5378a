package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.Export;
import dev.spoke.state.ChangeSetSpec;
import dev.spoke.state.Shard;
import dev.spoke.state.StateTables;
import dev.spoke.warehouse.KeyType;
import dev.spoke.warehouse.Warehouse;
import java.util.List;

/**
 * An export matched with its model's relation as the warehouse has it: which columns are sent, which are the key,
 * how rows become payloads, and the spec of its change-set queries. Resolved once per export per run, for
 * {@code plan} and {@code sync} alike.
 *
 * @param export the export
 * @param sentColumns the columns sent, as the warehouse names them
 * @param keyColumns the key columns, as the warehouse names them
 * @param keyTypes the key columns' types, in key order: how their values travel in a row's key
 * @param mapper rows to payloads
 * @param spec the change-set spec
 */
record ExportShape(Export export, List<String> sentColumns, List<String> keyColumns, List<KeyType> keyTypes,
        PayloadMapper mapper, ChangeSetSpec spec) {

    ExportShape {
        requireNonNull(export, "export is null");
        sentColumns = List.copyOf(sentColumns);
        keyColumns = List.copyOf(keyColumns);
        keyTypes = List.copyOf(keyTypes);
        requireNonNull(mapper, "mapper is null");
        requireNonNull(spec, "spec is null");
    }

    /**
     * @throws dev.spoke.SpokeException when the relation is missing or lacks a key or mapped column
     */
    static ExportShape resolve(Export export, Warehouse warehouse, Shard shard) {
        ColumnResolver columns = new ColumnResolver(export, warehouse.columns(export.model().relation()));
        List<String> sent = columns.sentColumns();
        List<String> keys = columns.keyColumns();
        List<KeyType> keyTypes = columns.keyColumnTypes().stream().map(warehouse.dialect()::keyType).toList();
        PayloadMapper mapper = new PayloadMapper(sent, export.mapping(), keys, keyTypes);
        ChangeSetSpec spec = new ChangeSetSpec(export.id(), export.model().relation(), sent, keys, mapper.fingerprint(),
                export.mode(), shard, StateTables.snapshotTableName(export.id()));
        return new ExportShape(export, sent, keys, keyTypes, mapper, spec);
    }
}
