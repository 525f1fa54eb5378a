package dev.spoke.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path directory;

    private DuckDbStateFixture db;

    @BeforeEach
    void open() {
        db = new DuckDbStateFixture(directory);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCommitRecordsDeliveredRowsRemovesDeletesParksJobsAndLogsRefusals() {
        String table = db.store.registerExport("people__hook", "model.t.people", "hook", "mirror", "fp", List.of("INTEGER"));
        db.store.commit(new StateCommit("people__hook", table, "hook", "run-1",
                List.of(new KeyHash("1", "a"), new KeyHash("2", "b"), new KeyHash("3", "c")), List.of(),
                List.of(new LogEntry("9", "insert", LogEntry.REJECTED, "bad email"), new LogEntry(null, "insert", LogEntry.INVALID, "NULL key")),
                List.of(new PendingJobRow("job-7", "detail", "5", "e", "update")), List.of()));
        db.store.commit(new StateCommit("people__hook", table, "hook", "run-2",
                List.of(new KeyHash("1", "a2")), List.of("2"), List.of(), List.of(), List.of("5")));

        assertThat(rows("SELECT key || '=' || row_hash FROM spoke." + table + " ORDER BY key"))
                .containsExactly("1=a2", "3=c");
        assertThat(rows("SELECT run_id || ' ' || coalesce(row_key, 'NULL') || ' ' || status || ' ' || error FROM spoke.sync_log ORDER BY run_id, status"))
                .containsExactly("run-1 NULL invalid NULL key", "run-1 9 rejected bad email");
        assertThat(db.store.pendingJobRows("people__hook")).isEmpty();
    }

    @Test
    void pendingJobRowsSurviveUntilTheirJobCloses() {
        String table = db.store.registerExport("people__hook", "model.t.people", "hook", "upsert", "fp", List.of("INTEGER"));
        db.store.commit(new StateCommit("people__hook", table, "hook", "run-1", List.of(), List.of(), List.of(),
                List.of(new PendingJobRow("job-7", "poll-url", "5", "e", "insert")), List.of()));

        assertThat(db.store.pendingJobRows("people__hook"))
                .containsExactly(new PendingJobRow("job-7", "poll-url", "5", "e", "insert"));
    }

    @Test
    void resetForgetsTheSnapshotAndOpenJobs() {
        String table = db.store.registerExport("people__hook", "model.t.people", "hook", "upsert", "fp", List.of("INTEGER"));
        db.store.commit(new StateCommit("people__hook", table, "hook", "run-1", List.of(new KeyHash("1", "a")),
                List.of(), List.of(), List.of(new PendingJobRow("job-7", "", "5", "e", "insert")), List.of()));

        db.store.resetExport("people__hook");

        assertThat(rows("SELECT key FROM spoke." + table)).isEmpty();
        assertThat(db.store.pendingJobRows("people__hook")).isEmpty();
    }

    @Test
    void describeListsEachExportWithItsRowsAndPendingJobs() {
        String table = db.store.registerExport("people__hook", "model.t.people", "hook", "upsert", "fp", List.of("INTEGER"));
        db.store.commit(new StateCommit("people__hook", table, "hook", "run-1",
                List.of(new KeyHash("1", "a"), new KeyHash("2", "b")), List.of(), List.of(), List.of(), List.of()));

        List<Map<String, Object>> exports = db.store.describeExports();
        assertThat(exports).hasSize(1);
        assertThat(exports.get(0)).containsEntry("export_id", "people__hook").containsEntry("rows", 2L)
                .containsEntry("pending_rows", 0L).containsEntry("mode", "upsert");
    }

    @Test
    void pruningKeepsRecentLogRows() {
        String table = db.store.registerExport("people__hook", "model.t.people", "hook", "upsert", "fp", List.of("INTEGER"));
        db.store.commit(new StateCommit("people__hook", table, "hook", "run-1", List.of(), List.of(),
                List.of(new LogEntry("1", "insert", LogEntry.REJECTED, "no")), List.of(), List.of()));
        db.execute("INSERT INTO spoke.sync_log VALUES ('old', 'people__hook', 'hook', '2', 'insert', 'rejected', 'old', CURRENT_TIMESTAMP - INTERVAL 40 DAY)");

        assertThat(db.store.pruneSyncLog(Duration.ofDays(30))).isEqualTo(1);
        assertThat(rows("SELECT run_id FROM spoke.sync_log")).containsExactly("run-1");
    }

    @Test
    void longExportIdsGetDistinctShortTableNames() {
        String a = StateTables.snapshotTableName("a_model_with_a_very_long_name_indeed_to_push_the_limit__connection_one");
        String b = StateTables.snapshotTableName("a_model_with_a_very_long_name_indeed_to_push_the_limit__connection_two");
        assertThat(a).hasSizeLessThanOrEqualTo(StateTables.MAX_TABLE_NAME).isNotEqualTo(b).startsWith("snapshot_");
        assertThat(StateTables.snapshotTableName("Orders.V2__Hook-1")).isEqualTo("snapshot_orders_v2__hook_1");
    }

    private List<String> rows(String sql) {
        return db.warehouse.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
