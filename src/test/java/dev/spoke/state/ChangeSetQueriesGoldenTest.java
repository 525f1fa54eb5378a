package dev.spoke.state;

import dev.spoke.dbt.Relation;
import dev.spoke.destination.SyncMode;
import dev.spoke.testing.Golden;
import dev.spoke.warehouse.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The change-set SQL per dialect, against src/test/resources/sql/<adapter>/changeset_*.sql: a reserved-word table in a
 * mixed-case schema, columns with a space and a double quote, a composite key, a shard. WarehouseChangeSetTest runs
 * the same queries in DuckDB; the sync integration tests run them in PostgreSQL.
 */
class ChangeSetQueriesGoldenTest {
    private static final Relation ORDER = new Relation("Analytics", "Mixed Case", "order");

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void mirrorChangedRows(String adapter) {
        Golden.assertMatches("sql/" + adapter + "/changeset_changed_rows.sql", queries(adapter, SyncMode.MIRROR, Shard.ALL).changedRows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void mirrorRemovedKeysOfAShard(String adapter) {
        Golden.assertMatches("sql/" + adapter + "/changeset_removed_keys_shard.sql",
                queries(adapter, SyncMode.MIRROR, new Shard(1, 4)).removedKeys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void counts(String adapter) {
        Golden.assertMatches("sql/" + adapter + "/changeset_counts.sql", queries(adapter, SyncMode.UPSERT, Shard.ALL).counts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void appendOfShardZero(String adapter) {
        Golden.assertMatches("sql/" + adapter + "/changeset_append_shard0.sql",
                queries(adapter, SyncMode.APPEND, new Shard(0, 2)).changedRows());
    }

    private static ChangeSetQueries queries(String adapter, SyncMode mode, Shard shard) {
        ChangeSetSpec spec = new ChangeSetSpec("order__hook", ORDER, List.of("id", "first name", "say \"hi\""),
                List.of("id", "say \"hi\""), "spoke-mapping:0a1b", mode, shard, StateTables.snapshotTableName("order__hook"));
        return new ChangeSetQueries(new StateTables(Dialect.forAdapter(adapter), null, "spoke"), spec);
    }
}
