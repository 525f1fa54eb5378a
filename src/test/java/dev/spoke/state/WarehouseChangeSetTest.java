package dev.spoke.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.SyncMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated change-set SQL, run in a real (in-process) DuckDB against a real snapshot. */
class WarehouseChangeSetTest {
    @TempDir
    Path directory;

    private DuckDbStateFixture db;

    @BeforeEach
    void open() {
        db = new DuckDbStateFixture(directory);
        db.insertPeople(1, 20);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theFirstRunSendsEveryRowAndTheSecondNothing() {
        ChangeSetSpec spec = db.spec("people__hook", SyncMode.UPSERT, Shard.ALL);
        ChangeSet first = db.changeSet(spec);
        assertThat(DuckDbStateFixture.rows(first)).hasSize(20).allMatch(row -> row.startsWith("insert:"));
        assertThat(first.counts()).isEqualTo(new ChangeCounts(20, 20, 0, 0, 0, 0, 0, 0));

        db.deliverAll(spec, first);

        ChangeSet second = db.changeSet(spec);
        assertThat(DuckDbStateFixture.rows(second)).isEmpty();
        assertThat(second.counts()).isEqualTo(new ChangeCounts(20, 0, 0, 20, 0, 0, 0, 0));
    }

    @Test
    void onlyChangedRowsComeBackAsUpdatesAndNewOnesAsInserts() {
        ChangeSetSpec spec = db.spec("people__hook", SyncMode.UPSERT, Shard.ALL);
        db.deliverAll(spec, db.changeSet(spec));
        db.execute("UPDATE main.people SET score = score + 1 WHERE id IN (3, 7)");
        db.insertPeople(21, 21);

        assertThat(DuckDbStateFixture.rows(db.changeSet(spec)))
                .containsExactlyInAnyOrder("update:3", "update:7", "insert:21");
    }

    @Test
    void aColumnThatIsNotSentChangesNothing() {
        ChangeSetSpec spec = new ChangeSetSpec("people__hook", DuckDbStateFixture.PEOPLE, List.of("id", "name"),
                List.of("id"), "salt", SyncMode.UPSERT, Shard.ALL, StateTables.snapshotTableName("people__hook"));
        db.deliverAll(spec, db.changeSet(spec));
        db.execute("UPDATE main.people SET score = 0");

        assertThat(DuckDbStateFixture.rows(db.changeSet(spec))).isEmpty();
    }

    @Test
    void aNewSaltResendsEveryRowAsAnUpdate() {
        ChangeSetSpec spec = db.spec("people__hook", SyncMode.UPSERT, Shard.ALL);
        db.deliverAll(spec, db.changeSet(spec));
        ChangeSetSpec remapped = new ChangeSetSpec(spec.exportId(), spec.relation(), spec.columns(), spec.keyColumns(),
                "another mapping", spec.mode(), spec.shard(), spec.snapshotTable());

        assertThat(DuckDbStateFixture.rows(db.changeSet(remapped))).hasSize(20).allMatch(row -> row.startsWith("update:"));
    }

    @Test
    void mirrorModeFindsTheKeysThatLeftTheModel() {
        ChangeSetSpec spec = db.spec("people__hook", SyncMode.MIRROR, Shard.ALL);
        db.deliverAll(spec, db.changeSet(spec));
        db.execute("DELETE FROM main.people WHERE id IN (2, 4, 6, 8, 10)");

        ChangeSet changeSet = db.changeSet(spec);
        List<String> removed = new ArrayList<>();
        changeSet.removedKeys(100, key -> removed.add(key.key()));
        assertThat(removed).containsExactlyInAnyOrder("2", "4", "6", "8", "10");
        assertThat(changeSet.counts().removed()).isEqualTo(5);
        assertThat(DuckDbStateFixture.rows(changeSet)).isEmpty();
    }

    @Test
    void changedRowsAndRemovedKeysCarryTheIdTheDestinationGaveThem() {
        ChangeSetSpec spec = db.spec("people__hook", SyncMode.MIRROR, Shard.ALL);
        db.deliverAll(spec, db.changeSet(spec));
        db.execute("UPDATE main.people SET score = score + 1 WHERE id = 3", "DELETE FROM main.people WHERE id = 4");
        db.insertPeople(21, 21);

        Map<String, String> vendorIds = new LinkedHashMap<>();
        try (ChangeCursor cursor = db.changeSet(spec).changedRows(100)) {
            while (cursor.next()) {
                vendorIds.put(cursor.key(), cursor.vendorId());
            }
        }
        List<KeyHash> removed = new ArrayList<>();
        db.changeSet(spec).removedKeys(100, removed::add);

        assertThat(vendorIds).containsOnlyKeys("3", "21").containsEntry("3", "v-3").containsEntry("21", null);
        assertThat(removed).extracting(KeyHash::vendorId).containsExactly("v-4");
    }

    @Test
    void upsertModeNeverReportsRemovals() {
        ChangeSetSpec spec = db.spec("people__hook", SyncMode.UPSERT, Shard.ALL);
        db.deliverAll(spec, db.changeSet(spec));
        db.execute("DELETE FROM main.people WHERE id = 2");

        List<String> removed = new ArrayList<>();
        db.changeSet(spec).removedKeys(100, key -> removed.add(key.key()));
        assertThat(removed).isEmpty();
    }

    @Test
    void insertModeReadsOnlyNewKeysAndUpdateModeEveryChange() {
        ChangeSetSpec upsert = db.spec("people__hook", SyncMode.UPSERT, Shard.ALL);
        db.deliverAll(upsert, db.changeSet(upsert));
        db.execute("UPDATE main.people SET name = 'renamed' WHERE id = 5");
        db.insertPeople(30, 30);

        assertThat(DuckDbStateFixture.rows(db.changeSet(db.spec("people__hook", SyncMode.INSERT, Shard.ALL))))
                .containsExactly("insert:30");
        assertThat(DuckDbStateFixture.rows(db.changeSet(db.spec("people__hook", SyncMode.UPDATE, Shard.ALL))))
                .as("update mode reads new keys too; the engine sends every row of it as an update")
                .containsExactlyInAnyOrder("update:5", "insert:30");
    }

    @Test
    void appendModeSendsEveryRowEveryRun() {
        ChangeSetSpec spec = db.spec("people__feed", SyncMode.APPEND, Shard.ALL);
        db.deliverAll(spec, db.changeSet(spec));

        assertThat(DuckDbStateFixture.rows(db.changeSet(spec))).hasSize(20);
    }

    @Test
    void nullAndDuplicateKeysAreReportedAsInvalidEveryRun() {
        db.execute("INSERT INTO main.people VALUES (NULL, 'nobody', 1), (7, 'second seven', 2)");
        ChangeSetSpec spec = db.spec("people__hook", SyncMode.UPSERT, Shard.ALL);
        db.deliverAll(spec, db.changeSet(spec));

        ChangeSet again = db.changeSet(spec);
        assertThat(DuckDbStateFixture.rows(again)).containsExactlyInAnyOrder("invalid:null", "invalid:7", "invalid:7");
        ChangeCounts counts = again.counts();
        assertThat(counts.nullKeys()).isEqualTo(1);
        assertThat(counts.duplicateKeys()).isEqualTo(2);
        assertThat(counts.unchanged()).isEqualTo(19);
    }

    @Test
    void shardsSplitTheKeysWithoutOverlapAndNullKeysGoToShardZero() {
        db.execute("INSERT INTO main.people VALUES (NULL, 'nobody', 1)");
        List<String> all = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            ChangeSetSpec spec = db.spec("people__hook", SyncMode.UPSERT, new Shard(index, 3));
            List<String> rows = DuckDbStateFixture.rows(db.changeSet(spec));
            assertThat(rows.contains("invalid:null")).isEqualTo(index == 0);
            all.addAll(rows);
        }
        List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 20).mapToObj(i -> "insert:" + i).toList());
        expected.add("invalid:null");
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void planningBeforeTheFirstSyncReadsAnEmptySnapshotAndCreatesNothing() {
        ChangeSetSpec spec = db.spec("never_synced__hook", SyncMode.MIRROR, Shard.ALL);
        WarehouseChangeSet plan = new WarehouseChangeSet(db.warehouse, db.store.tables(), spec, false);

        assertThat(plan.counts()).isEqualTo(new ChangeCounts(20, 20, 0, 0, 0, 0, 0, 0));
        assertThat(db.warehouse.exists(new dev.spoke.dbt.Relation(null, "spoke", spec.snapshotTable()))).isFalse();
    }

    @Test
    void rowsInsideAnOpenJobStayOutOfTheChangeSet() {
        ChangeSetSpec spec = db.spec("people__hook", SyncMode.UPSERT, Shard.ALL);
        db.changeSet(spec);
        db.store.commit(new StateCommit(spec.exportId(), spec.snapshotTable(), "hook", "run-1", List.of(), List.of(),
                List.of(), List.of(new PendingJobRow("job-1", "", "4", "h", "insert")), List.of()));

        ChangeSet changeSet = db.changeSet(spec);
        assertThat(DuckDbStateFixture.rows(changeSet)).hasSize(19).doesNotContain("insert:4");
        assertThat(changeSet.counts().pending()).isEqualTo(1);
    }
}
