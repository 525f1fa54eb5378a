package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.SpokeException;
import dev.spoke.destination.RowOperation;
import dev.spoke.warehouse.RowStream;
import dev.spoke.warehouse.Warehouse;
import java.util.function.Consumer;

/**
 * The default backend's change set: the snapshot lives in the warehouse next to the model, so the diff is two
 * generated queries run there, and only changed rows leave the warehouse.
 */
public final class WarehouseChangeSet implements ChangeSet {
    private final Warehouse warehouse;
    private final ChangeSetQueries queries;
    private final ChangeSetSpec spec;

    /**
     * @param stateExists false to read an empty snapshot (planning before the first sync creates nothing)
     */
    public WarehouseChangeSet(Warehouse warehouse, StateTables tables, ChangeSetSpec spec, boolean stateExists) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.queries = new ChangeSetQueries(tables, spec, ModelSource.model(tables.dialect(), spec), stateExists);
    }

    @Override
    public ChangeCounts counts() {
        try (RowStream stream = warehouse.stream(queries.counts(), 1)) {
            stream.next();
            long removed = 0;
            if (spec.mode().sendsRemoved()) {
                long[] count = {0};
                removedKeys(10_000, key -> count[0]++);
                removed = count[0];
            }
            return new ChangeCounts(
                    number(stream, 6), number(stream, 2), number(stream, 3), number(stream, 4), removed,
                    number(stream, 0), number(stream, 1), number(stream, 5));
        } catch (RuntimeException e) {
            throw failure("count the changes", e);
        }
    }

    @Override
    public ChangeCursor changedRows(int fetchSize) {
        RowStream stream = warehouse.stream(queries.changedRows(), fetchSize);
        return new StreamCursor(stream, spec.columns().size());
    }

    @Override
    public void removedKeys(int fetchSize, Consumer<KeyHash> consumer) {
        if (!spec.mode().sendsRemoved()) {
            return;
        }
        try (RowStream stream = warehouse.stream(queries.removedKeys(), fetchSize)) {
            while (stream.next()) {
                consumer.accept(new KeyHash(stream.text(0), stream.text(1), stream.isNull(2) ? null : stream.text(2)));
            }
        }
    }

    private static long number(RowStream stream, int index) {
        return stream.isNull(index) ? 0 : Long.parseLong(stream.text(index));
    }

    private SpokeException failure(String what, RuntimeException e) {
        if (e instanceof SpokeException spoke) {
            return spoke;
        }
        return SpokeException.runtime("export " + spec.exportId() + ": cannot " + what + " in the warehouse: "
                + e.getMessage(), "check that " + spec.relation() + " exists and that the profile's user may read it", e);
    }

    /** Reads the special columns that follow the sent columns. */
    static final class StreamCursor implements ChangeCursor {
        private final RowStream stream;
        private final int keyIndex;

        StreamCursor(RowStream stream, int sentColumns) {
            this.stream = stream;
            this.keyIndex = sentColumns;
        }

        @Override
        public boolean next() {
            return stream.next();
        }

        @Override
        public String key() {
            return stream.isNull(keyIndex) ? null : stream.text(keyIndex);
        }

        @Override
        public String hash() {
            return stream.text(keyIndex + 1);
        }

        @Override
        public long duplicates() {
            return Long.parseLong(stream.text(keyIndex + 2));
        }

        @Override
        public RowOperation operation() {
            return "U".equals(stream.text(keyIndex + 3)) ? RowOperation.UPDATE : RowOperation.INSERT;
        }

        @Override
        public String vendorId() {
            return stream.isNull(keyIndex + 4) ? null : stream.text(keyIndex + 4);
        }

        @Override
        public JsonNode value(int index) {
            return stream.json(index);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
