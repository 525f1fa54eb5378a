package dev.spoke.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.destination.SyncMode;
import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseConnector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend: the model in one database, the state in another, the same answers as the default backend. */
class LocalChangeSetTest {
    @TempDir
    Path directory;

    private DuckDbStateFixture warehouse;
    private Warehouse localDatabase;
    private StateStore localStore;

    @BeforeEach
    void open() {
        warehouse = new DuckDbStateFixture(directory);
        warehouse.insertPeople(1, 10);
        localDatabase = WarehouseConnector.open("jdbc:duckdb:" + directory.resolve("state.duckdb"), new Properties(), "duckdb");
        localStore = new StateStore(localDatabase, true, null, "spoke");
    }

    @AfterEach
    void close() {
        localStore.close();
        warehouse.close();
    }

    @Test
    void diffsLocallyAndReadsOnlyChangedRowsFromTheWarehouse() {
        ChangeSetSpec spec = warehouse.spec("people__hook", SyncMode.MIRROR, Shard.ALL);
        localStore.registerExport(spec.exportId(), "model.t.people", "hook", "mirror", spec.salt(), List.of("INTEGER"));
        List<KeyHash> delivered = new ArrayList<>();
        try (LocalChangeSet first = new LocalChangeSet(warehouse.warehouse, localStore, spec)) {
            assertThat(first.counts().added()).isEqualTo(10);
            try (ChangeCursor cursor = first.changedRows(100)) {
                while (cursor.next()) {
                    delivered.add(new KeyHash(cursor.key(), cursor.hash()));
                }
            }
        }
        localStore.commit(new StateCommit(spec.exportId(), spec.snapshotTable(), "hook", "run-1", delivered, List.of(),
                List.of(), List.of(), List.of()));
        warehouse.execute("UPDATE main.people SET name = 'Zoë' WHERE id = 3", "DELETE FROM main.people WHERE id = 9",
                "INSERT INTO main.people VALUES (NULL, 'nobody', 0)");

        try (LocalChangeSet second = new LocalChangeSet(warehouse.warehouse, localStore, spec)) {
            List<String> rows = new ArrayList<>();
            JsonNode[] updatedName = new JsonNode[1];
            try (ChangeCursor cursor = second.changedRows(100)) {
                while (cursor.next()) {
                    boolean invalid = cursor.key() == null;
                    rows.add((invalid ? "invalid" : cursor.operation().name().toLowerCase()) + ":" + cursor.key());
                    if ("3".equals(cursor.key())) {
                        updatedName[0] = cursor.value(1);
                    }
                }
            }
            List<String> removed = new ArrayList<>();
            second.removedKeys(100, key -> removed.add(key.key()));

            assertThat(rows).containsExactlyInAnyOrder("update:3", "invalid:null");
            assertThat(updatedName[0].asText()).isEqualTo("Zoë");
            assertThat(removed).containsExactly("9");
            assertThat(second.counts()).isEqualTo(new ChangeCounts(10, 0, 1, 8, 1, 1, 0, 0));
        }
        assertThat(warehouse.warehouse.exists(new dev.spoke.dbt.Relation(null, "spoke", "snapshot_people__hook"))).isFalse();
    }
}
