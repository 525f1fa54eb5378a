package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.destination.RowOperation;
import dev.spoke.warehouse.RowStream;
import dev.spoke.warehouse.Warehouse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The change set of the {@code local} backend, for warehouses spoke may only read: the warehouse computes each row's
 * key and hash (narrow rows), they are staged in the local state database, diffed there against the snapshot, and
 * only the rows that changed are then read in full from the warehouse, by key, a chunk at a time.
 */
public final class LocalChangeSet implements ChangeSet {
    /** Keys per warehouse query when reading changed rows by key. */
    static final int KEYS_PER_FETCH = 500;

    private final Warehouse warehouse;
    private final StateStore store;
    private final ChangeSetSpec spec;
    private final boolean stateExists;
    private final String stagedTable;
    private final ChangeSetQueries warehouseQueries;
    private ChangeSetQueries localQueries;

    public LocalChangeSet(Warehouse warehouse, StateStore store, ChangeSetSpec spec) {
        this(warehouse, store, spec, true);
    }

    /**
     * @param stateExists false to read an empty snapshot (planning before the first sync creates nothing)
     */
    public LocalChangeSet(Warehouse warehouse, StateStore store, ChangeSetSpec spec, boolean stateExists) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.store = requireNonNull(store, "store is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.stateExists = stateExists;
        this.stagedTable = "staged_" + StateTables.snapshotTableName(spec.exportId()).substring("snapshot_".length());
        this.warehouseQueries = new ChangeSetQueries(
                new StateTables(warehouse.dialect(), null, store.tables().schema()), spec);
    }

    /** Copies (key, hash) of every model row into the local database, once. */
    private ChangeSetQueries staged() {
        if (localQueries != null) {
            return localQueries;
        }
        StateTables tables = store.tables();
        String table = tables.table(stagedTable);
        synchronized (store) {
            if (stateExists) {
                store.prepare();
            } else {
                // a plan before the first sync: stage the keys, but create no state table
                store.handle().execute("CREATE SCHEMA IF NOT EXISTS " + tables.quotedSchema());
            }
            store.handle().useTransaction(h -> {
                h.execute("DROP TABLE IF EXISTS " + table);
                h.execute("CREATE TABLE " + table + " (" + tables.col("key") + " " + tables.dialect().textType() + ", "
                        + tables.col("row_hash") + " " + tables.dialect().textType() + ")");
            });
            List<String[]> chunk = new ArrayList<>();
            try (RowStream rows = warehouse.stream(warehouseQueries.keysAndHashes(), 10_000)) {
                while (rows.next()) {
                    chunk.add(new String[] {rows.isNull(0) ? null : rows.text(0), rows.text(1)});
                    if (chunk.size() == UnnestedRows.ROWS_PER_STATEMENT) {
                        insert(table, chunk);
                        chunk.clear();
                    }
                }
            }
            insert(table, chunk);
        }
        // the staged keys are this shard's already; the shard still bounds the snapshot keys mirror mode deletes
        ChangeSetSpec localSpec = new ChangeSetSpec(spec.exportId(), spec.relation(), List.of(), spec.keyColumns(),
                spec.salt(), spec.mode(), spec.shard(), spec.snapshotTable());
        localQueries = new ChangeSetQueries(tables, localSpec,
                ModelSource.staged(tables.dialect(), table), stateExists);
        return localQueries;
    }

    /** Stages (key, hash) pairs; a NULL key stays NULL, so the row stays invalid. */
    private void insert(String table, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StateTables tables = store.tables();
        store.handle().useTransaction(h -> UnnestedRows.execute(h, tables.dialect(),
                "INSERT INTO " + table + " SELECT " + UnnestedRows.select(tables.dialect(), 2), rows,
                List.of(row -> row[0], row -> row[1])));
    }

    @Override
    public ChangeCounts counts() {
        ChangeSetQueries local = staged();
        try (RowStream stream = store.database().stream(local.counts(), 1)) {
            stream.next();
            long[] removed = {0};
            if (spec.mode().sendsRemoved()) {
                removedKeys(10_000, key -> removed[0]++);
            }
            return new ChangeCounts(number(stream, 6), number(stream, 2), number(stream, 3), number(stream, 4),
                    removed[0], number(stream, 0), number(stream, 1), number(stream, 5));
        }
    }

    @Override
    public ChangeCursor changedRows(int fetchSize) {
        return new Cursor(store.database().stream(staged().changedRows(), fetchSize));
    }

    @Override
    public void removedKeys(int fetchSize, Consumer<KeyHash> consumer) {
        if (!spec.mode().sendsRemoved()) {
            return;
        }
        try (RowStream stream = store.database().stream(staged().removedKeys(), fetchSize)) {
            while (stream.next()) {
                consumer.accept(new KeyHash(stream.text(0), stream.text(1), stream.isNull(2) ? null : stream.text(2)));
            }
        }
    }

    @Override
    public void close() {
        if (localQueries != null) {
            synchronized (store) {
                store.handle().execute("DROP TABLE IF EXISTS " + store.tables().table(stagedTable));
            }
        }
    }

    private static long number(RowStream stream, int index) {
        return stream.isNull(index) ? 0 : Long.parseLong(stream.text(index));
    }

    /** One staged row, with its values once read from the warehouse. */
    private record Row(String key, String hash, long duplicates, RowOperation operation, String vendorId,
            JsonNode[] values) {
    }

    /**
     * Walks the local diff a chunk at a time; for the valid keys of each chunk, reads their full rows from the
     * warehouse. A row that changed again since it was staged is sent as it is now, with its new hash; a key that
     * left the model meanwhile is skipped (the next run deletes it in mirror mode).
     */
    private final class Cursor implements ChangeCursor {
        private final RowStream diff;
        private final Deque<Row> buffer = new ArrayDeque<>();
        private Row current;

        Cursor(RowStream diff) {
            this.diff = diff;
        }

        @Override
        public boolean next() {
            while (buffer.isEmpty()) {
                if (!fill()) {
                    return false;
                }
            }
            current = buffer.poll();
            return true;
        }

        private boolean fill() {
            List<Row> chunk = new ArrayList<>();
            while (chunk.size() < KEYS_PER_FETCH && diff.next()) {
                String key = diff.isNull(0) ? null : diff.text(0);
                RowOperation operation = "U".equals(diff.text(3)) ? RowOperation.UPDATE : RowOperation.INSERT;
                chunk.add(new Row(key, diff.text(1), Long.parseLong(diff.text(2)), operation,
                        diff.isNull(4) ? null : diff.text(4), null));
            }
            if (chunk.isEmpty()) {
                return false;
            }
            List<String> keys = chunk.stream().filter(r -> r.key() != null && r.duplicates() == 1).map(Row::key).toList();
            Map<String, Row> fetched = new HashMap<>();
            if (!keys.isEmpty()) {
                int width = spec.columns().size();
                try (RowStream rows = warehouse.stream(warehouseQueries.rowsWithKeys(keys), KEYS_PER_FETCH)) {
                    while (rows.next()) {
                        JsonNode[] values = new JsonNode[width];
                        for (int i = 0; i < width; i++) {
                            values[i] = rows.json(i);
                        }
                        fetched.put(rows.text(width),
                                new Row(rows.text(width), rows.text(width + 1), 1, null, null, values));
                    }
                }
            }
            for (Row row : chunk) {
                if (row.key() == null || row.duplicates() > 1) {
                    buffer.add(row);
                } else if (fetched.containsKey(row.key())) {
                    Row full = fetched.get(row.key());
                    buffer.add(new Row(row.key(), full.hash(), 1, row.operation(), row.vendorId(), full.values()));
                }
            }
            return true;
        }

        @Override
        public String key() {
            return current.key();
        }

        @Override
        public String hash() {
            return current.hash();
        }

        @Override
        public long duplicates() {
            return current.duplicates();
        }

        @Override
        public RowOperation operation() {
            return current.operation();
        }

        @Override
        public String vendorId() {
            return current.vendorId();
        }

        @Override
        public JsonNode value(int index) {
            return current.values()[index];
        }

        @Override
        public void close() {
            diff.close();
        }
    }
}
