package dev.spoke.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * What a state commit must write on every database that holds state: confirmed rows enter the snapshot (keys of any
 * text, including tabs, quotes, backslashes, the key separator and non-ASCII), a row confirmed again gets its new
 * hash, confirmed deletes leave, and a commit larger than one bulk statement is written whole; key types are recorded
 * per export, and state of an earlier version gains their column in place. DuckDB runs it as a unit test (and so
 * covers the local backend, a DuckDB file), PostgreSQL as an integration test.
 */
public abstract class StateCommitContractTest {
    private static final List<String> AWKWARD_KEYS = List.of("plain", "tab\there", "line\nbreak", "back\\slash",
            "quote'\"", "part\u001fpart", "é🦆 東京", "{a,b}", "NULL", "");

    private StateStore store;
    private String export;
    private String snapshot;

    /** A new warehouse whose state lives in {@link #schema()}; the test closes it. */
    protected abstract Warehouse openWarehouse();

    /** The state schema (a name that needs quoting, to prove every statement quotes it). */
    protected abstract String schema();

    /** An export of its own per test: a PostgreSQL schema lives as long as the test class. */
    @BeforeEach
    void register(TestInfo test) {
        store = new StateStore(openWarehouse(), true, null, schema());
        export = "orders__" + test.getTestMethod().orElseThrow().getName();
        snapshot = store.registerExport(export, "model.p.orders", "hook", "upsert", "fingerprint", List.of("text"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void confirmedRowsEnterTheSnapshotWhateverTheirKeyText() {
        commit(AWKWARD_KEYS.stream().map(key -> new KeyHash(key, "h-" + key)).toList(), List.of());

        Map<String, String> expected = new LinkedHashMap<>();
        AWKWARD_KEYS.forEach(key -> expected.put(key, "h-" + key));
        assertThat(snapshotRows()).isEqualTo(expected);
    }

    @Test
    void aRowConfirmedAgainGetsItsNewHashAndConfirmedDeletesLeave() {
        commit(List.of(new KeyHash("1", "a"), new KeyHash("2", "b"), new KeyHash("tab\t3", "c")), List.of());

        commit(List.of(new KeyHash("2", "b2"), new KeyHash("4", "d")), List.of());
        commit(List.of(), List.of("1", "tab\t3", "never there"));

        assertThat(snapshotRows()).isEqualTo(Map.of("2", "b2", "4", "d"));
    }

    @Test
    void aCommitLargerThanOneBulkStatementIsWrittenWhole() {
        int rows = UnnestedRows.ROWS_PER_STATEMENT * 2 + 7;
        List<KeyHash> delivered = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            delivered.add(new KeyHash("k" + i, "h" + i));
        }
        commit(delivered, List.of());
        commit(List.of(), delivered.subList(0, UnnestedRows.ROWS_PER_STATEMENT + 1).stream().map(KeyHash::key).toList());

        Map<String, String> snapshotRows = snapshotRows();
        assertThat(snapshotRows).hasSize(rows - UnnestedRows.ROWS_PER_STATEMENT - 1)
                .containsEntry("k" + (rows - 1), "h" + (rows - 1))
                .doesNotContainKey("k0");
    }

    @Test
    void keyTypesAreRecordedAtFirstRegistrationKeptAfterwardsAndForgottenOnReset() {
        ExportKeyTypes keyTypes = new ExportKeyTypes(store);
        assertThat(keyTypes.recorded(export)).contains(List.of("text"));
        assertThat(keyTypes.anyDelivered(snapshot)).isFalse();

        store.registerExport(export, "model.p.orders", "hook", "upsert", "fingerprint", List.of("int8", "DECIMAL(10,2)"));
        assertThat(keyTypes.recorded(export)).as("registration keeps what is recorded").contains(List.of("text"));
        keyTypes.record(export, List.of("int8", "DECIMAL(10,2)"));
        assertThat(keyTypes.recorded(export)).contains(List.of("int8", "DECIMAL(10,2)"));
        commit(List.of(new KeyHash("1", "a")), List.of());
        assertThat(keyTypes.anyDelivered(snapshot)).isTrue();

        store.resetExport(export);
        assertThat(keyTypes.recorded(export)).isEmpty();
        assertThat(keyTypes.anyDelivered(snapshot)).isFalse();
        store.registerExport(export, "model.p.orders", "hook", "upsert", "fingerprint", List.of("uuid"));
        assertThat(keyTypes.recorded(export)).contains(List.of("uuid"));
    }

    @Test
    void stateOfAnEarlierVersionGainsTheKeyTypesColumnInPlace() {
        StateTables tables = store.tables();
        String exports = tables.table("exports");
        commit(List.of(new KeyHash("1", "a")), List.of());
        store.handle().execute("ALTER TABLE " + exports + " DROP COLUMN " + tables.col("key_types"));
        store.close();

        store = new StateStore(openWarehouse(), true, null, schema());
        assertThat(new ExportKeyTypes(store).recorded(export)).as("nothing recorded, nothing altered").isEmpty();
        assertThat(store.hasExportsColumn("key_types")).isFalse();
        assertThat(store.describeExports()).anySatisfy(row -> assertThat(row).containsEntry("export_id", export));

        store.registerExport(export, "model.p.orders", "hook", "upsert", "fingerprint", List.of("int8"));
        assertThat(store.hasExportsColumn("key_types")).isTrue();
        assertThat(new ExportKeyTypes(store).recorded(export)).as("filled in at registration").contains(List.of("int8"));
        assertThat(snapshotRows()).as("the snapshot is kept").isEqualTo(Map.of("1", "a"));
    }

    @Test
    void theDestinationsIdOfARowIsKeptUntilItGivesANewOne() {
        commit(List.of(new KeyHash("1", "a", "vendor-1"), new KeyHash("2", "b", null), new KeyHash("3", "c", "v3")),
                List.of());
        commit(List.of(new KeyHash("1", "a2", null), new KeyHash("2", "b2", "vendor-2"), new KeyHash("3", "c2", "v3b")),
                List.of());

        assertThat(vendorIds()).isEqualTo(Map.of("1", "vendor-1", "2", "vendor-2", "3", "v3b"));
    }

    @Test
    void aSnapshotOfAnEarlierVersionGainsTheVendorIdColumnInPlace() {
        StateTables tables = store.tables();
        commit(List.of(new KeyHash("1", "a")), List.of());
        store.handle().execute("ALTER TABLE " + tables.table(snapshot) + " DROP COLUMN "
                + tables.col(StateTables.VENDOR_ID));
        store.close();

        store = new StateStore(openWarehouse(), true, null, schema());
        store.registerExport(export, "model.p.orders", "hook", "upsert", "fingerprint", List.of("text"));
        commit(List.of(new KeyHash("2", "b", "v2")), List.of());

        assertThat(snapshotRows()).as("the snapshot is kept").isEqualTo(Map.of("1", "a", "2", "b"));
        assertThat(vendorIds()).containsEntry("2", "v2").containsEntry("1", null);
    }

    private Map<String, String> vendorIds() {
        StateTables tables = store.tables();
        Map<String, String> rows = new LinkedHashMap<>();
        store.handle().createQuery("SELECT " + tables.col("key") + ", " + tables.col(StateTables.VENDOR_ID) + " FROM "
                        + tables.table(snapshot) + " ORDER BY " + tables.col("key"))
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(row -> rows.put(row[0], row[1]));
        return rows;
    }

    private void commit(List<KeyHash> delivered, List<String> deleted) {
        store.commit(new StateCommit(export, snapshot, "hook", "run-1", delivered, deleted, List.of(), List.of(),
                List.of()));
    }

    private Map<String, String> snapshotRows() {
        StateTables tables = store.tables();
        Map<String, String> rows = new LinkedHashMap<>();
        store.handle().createQuery("SELECT " + tables.col("key") + ", " + tables.col("row_hash") + " FROM "
                        + tables.table(snapshot) + " ORDER BY " + tables.col("synced_at"))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
        return rows;
    }
}
