package dev.spoke.state;

import dev.spoke.dbt.Relation;
import dev.spoke.destination.SyncMode;
import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseConnector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A DuckDB file with a model table {@code main.people(id, name, score)} and a state store in schema {@code spoke}:
 * the smallest real setting in which change sets, commits and locks can be exercised.
 */
final class DuckDbStateFixture implements AutoCloseable {
    static final Relation PEOPLE = new Relation(null, "main", "people");

    final Warehouse warehouse;
    final StateStore store;

    DuckDbStateFixture(Path directory) {
        this.warehouse = WarehouseConnector.open("jdbc:duckdb:" + directory.resolve("test.duckdb"), new Properties(), "duckdb");
        this.store = new StateStore(warehouse, false, null, "spoke");
        execute("CREATE TABLE main.people (id INTEGER, name VARCHAR, score DECIMAL(10,2))");
    }

    void execute(String... statements) {
        warehouse.jdbi().useHandle(handle -> {
            for (String statement : statements) {
                handle.execute(statement);
            }
        });
    }

    void insertPeople(int from, int to) {
        execute("INSERT INTO main.people SELECT i, 'person ' || i, i * 1.5 FROM range(" + from + ", " + (to + 1) + ") t(i)");
    }

    ChangeSetSpec spec(String exportId, SyncMode mode, Shard shard) {
        return new ChangeSetSpec(exportId, PEOPLE, List.of("id", "name", "score"), List.of("id"), "salt", mode, shard,
                StateTables.snapshotTableName(exportId));
    }

    /** Registers the export (creating its snapshot) and returns its change set. */
    WarehouseChangeSet changeSet(ChangeSetSpec spec) {
        store.registerExport(spec.exportId(), "model.test.people", "hook", spec.mode().configName(), spec.salt(), List.of("INTEGER"));
        return new WarehouseChangeSet(warehouse, store.tables(), spec, true);
    }

    /** Every row the change set would send or report, as "op:key" (or "invalid:key"). */
    static List<String> rows(ChangeSet changeSet) {
        List<String> rows = new ArrayList<>();
        try (ChangeCursor cursor = changeSet.changedRows(100)) {
            while (cursor.next()) {
                boolean invalid = cursor.key() == null || cursor.duplicates() > 1;
                rows.add((invalid ? "invalid" : cursor.operation().name().toLowerCase()) + ":" + cursor.key());
            }
        }
        return rows;
    }

    /** Commits every row of the change set as delivered, the way the engine does after a destination confirmed it. */
    void deliverAll(ChangeSetSpec spec, ChangeSet changeSet) {
        List<KeyHash> delivered = new ArrayList<>();
        try (ChangeCursor cursor = changeSet.changedRows(100)) {
            while (cursor.next()) {
                if (cursor.key() != null && cursor.duplicates() == 1) {
                    delivered.add(new KeyHash(cursor.key(), cursor.hash(), "v-" + cursor.key()));
                }
            }
        }
        List<String> deleted = new ArrayList<>();
        changeSet.removedKeys(100, removed -> deleted.add(removed.key()));
        store.commit(new StateCommit(spec.exportId(), spec.snapshotTable(), "hook", "run-1", delivered, deleted,
                List.of(), List.of(), List.of()));
    }

    @Override
    public void close() {
        store.close();
        warehouse.close();
    }
}
