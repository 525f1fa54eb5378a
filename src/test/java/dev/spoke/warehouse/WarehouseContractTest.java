package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.dbt.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every warehouse adapter must do, run against a real database: the key, row-hash and shard SQL of its
 * {@link Dialect} evaluated in the database (NULLs, composite keys, determinism, buckets equal to
 * {@link Dialect#shardOf}), streaming without loading the result, and state writes while a stream is open. DuckDB
 * runs it as a unit test, PostgreSQL as an integration test.
 */
public abstract class WarehouseContractTest {
    /** Rows of the keys table: id, name (with NULL and empty), part. */
    private static final String KEY_ROWS = "(1, 'ab', 'c'), (2, 'a', 'bc'), (3, NULL, 'x'), (4, '', 'x'),"
            + " (5, 'é🦆', NULL), (6, 'ab', 'c')";

    /** The open warehouse under test. */
    protected abstract Warehouse warehouse();

    /** A relation named {@code table} in a schema of this test class (a schema whose name needs quoting). */
    protected abstract Relation relation(String table);

    /** A query of one column {@code v}: the integers 1..rows. */
    protected abstract String numbersSql(long rows);

    /** A query of the integers 1..rows that fails when the database computes row {@code failingRow}. */
    protected abstract String failsAtRowSql(long rows, long failingRow);

    @Test
    void keysAreTextJoinedByTheUnitSeparatorAndNullWhenAPartIsNull() {
        Relation keys = createKeysTable("keys_a");
        Dialect dialect = warehouse().dialect();
        String sql = "SELECT " + dialect.keyExpression(List.of("Id"), "k") + ", "
                + dialect.keyExpression(List.of("Id", "first name", "say \"hi\""), "k") + " FROM "
                + dialect.quoteRelation(keys) + " k ORDER BY " + dialect.quoteColumn("k", "Id");
        List<List<String>> rows = texts(sql, 2);
        assertThat(rows.get(0)).containsExactly("1", "1\u001fab\u001fc");
        assertThat(rows.get(2)).containsExactly("3", null);
        assertThat(rows.get(3)).containsExactly("4", "4\u001f\u001fx");
        assertThat(rows.get(4)).containsExactly("5", null);
    }

    @Test
    void rowHashesAreDeterministicAndTellAdjacentValuesAndNullApart() {
        Relation keys = createKeysTable("keys_b");
        Dialect dialect = warehouse().dialect();
        String hash = dialect.rowHashExpression(List.of("first name", "say \"hi\""), "salt", "k");
        String sql = "SELECT " + hash + " FROM " + dialect.quoteRelation(keys) + " k ORDER BY "
                + dialect.quoteColumn("k", "Id");
        List<String> first = column(texts(sql, 1));
        List<String> again = column(texts(sql, 1));

        assertThat(first).allSatisfy(value -> assertThat(value).matches(dialect.adapterType().equals("postgres")
                ? "-?[0-9]{1,19}" : "[0-9a-f]{32}"));
        assertThat(again).isEqualTo(first);
        assertThat(first.get(0)).as("(ab, c) vs (a, bc)").isNotEqualTo(first.get(1));
        assertThat(first.get(2)).as("(NULL, x) vs ('', x)").isNotEqualTo(first.get(3));
        assertThat(first.get(5)).as("same values, same hash").isEqualTo(first.get(0));
        String otherSalt = dialect.rowHashExpression(List.of("first name", "say \"hi\""), "other", "k");
        List<String> salted = column(texts("SELECT " + otherSalt + " FROM " + dialect.quoteRelation(keys)
                + " k ORDER BY " + dialect.quoteColumn("k", "Id"), 1));
        assertThat(salted.get(0)).isNotEqualTo(first.get(0));
    }

    @Test
    void rowHashesTellApartValuesThatHoldSeparatorsQuotesOrNothing() {
        Dialect dialect = warehouse().dialect();
        Relation table = relation("hash_separators");
        String a = dialect.quoteIdentifier("a");
        String b = dialect.quoteIdentifier("b");
        execute("CREATE TABLE " + dialect.quoteRelation(table) + " (" + dialect.quoteIdentifier("n") + " INTEGER, "
                + a + " " + dialect.textType() + ", " + b + " " + dialect.textType() + ")",
                "INSERT INTO " + dialect.quoteRelation(table) + " VALUES (1, 'x,y', 'z'), (2, 'x', 'y,z'),"
                        + " (3, 'q\"', ''), (4, 'q', '\"'), (5, '(', ')'), (6, '', NULL), (7, NULL, ''),"
                        + " (8, ' ', ''), (9, '', ' '), (10, 'x,y', 'z')");
        String sql = "SELECT " + dialect.rowHashExpression(List.of("a", "b"), "salt", "t") + " FROM "
                + dialect.quoteRelation(table) + " t ORDER BY " + dialect.quoteColumn("t", "n");
        List<String> hashes = column(texts(sql, 1));

        assertThat(hashes.subList(0, 9)).as("nine different rows").doesNotHaveDuplicates();
        assertThat(hashes.get(9)).as("same values, same hash").isEqualTo(hashes.get(0));
    }

    @Test
    void shardsSplitKeysExactlyAsJavaComputesThem() {
        Dialect dialect = warehouse().dialect();
        Relation numbers = relation("shard_keys");
        execute("CREATE TABLE " + dialect.quoteRelation(numbers) + " AS SELECT v, "
                + dialect.castToText("v") + " || 'é🦆' AS " + dialect.quoteIdentifier("key text") + " FROM ("
                + numbersSql(500) + ") n",
                "INSERT INTO " + dialect.quoteRelation(numbers) + " VALUES (0, NULL)");
        String key = dialect.quoteColumn("s", "key text");
        int count = 7;
        Map<String, Integer> shardOfKey = new HashMap<>();
        for (int index = 0; index < count; index++) {
            String sql = "SELECT " + key + " FROM " + dialect.quoteRelation(numbers) + " s WHERE "
                    + dialect.shardPredicate(key, index, count);
            for (String keyText : column(texts(sql, 1))) {
                assertThat(shardOfKey.put(keyText, index)).as("key %s in two shards", keyText).isNull();
            }
        }
        assertThat(shardOfKey).hasSize(501);
        shardOfKey.forEach((keyText, index) -> assertThat(Dialect.shardOf(keyText, count)).as(keyText).isEqualTo(index));
        assertThat(shardOfKey.get(null)).isZero();
        assertThat(shardOfKey.values()).as("every shard gets keys").containsAll(List.of(0, 1, 2, 3, 4, 5, 6));
    }

    @Test
    void aQueryThatFailsPartWayNeverEndsLikeACompleteOne() {
        assertThatThrownBy(() -> {
            try (RowStream stream = warehouse().stream(failsAtRowSql(1_000_000, 900_000), 1_000)) {
                while (stream.next()) {
                    stream.json(0);
                }
            }
        }).isInstanceOfSatisfying(SpokeException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.RUNTIME_ERROR);
            assertThat(e.getMessage()).contains("900000");
        });
    }

    @Test
    void keepsTheQueryOrderBindsParametersAndKeepsDuplicateNames() {
        long previous = Long.MAX_VALUE;
        long rows = 0;
        try (RowStream stream = warehouse().stream("SELECT v, v AS v FROM (" + numbersSql(100_000)
                + ") n WHERE v <= ? ORDER BY v DESC", List.of(50_000), 1_000)) {
            assertThat(stream.columns()).extracting(WarehouseColumn::name).containsExactly("v", "v");
            while (stream.next()) {
                long value = stream.json(0).longValue();
                assertThat(value).isLessThan(previous);
                previous = value;
                rows++;
            }
        }
        assertThat(rows).isEqualTo(50_000);
    }

    @Test
    void streams200kRows() {
        long sum = 0;
        try (RowStream stream = warehouse().stream(numbersSql(200_000), 5_000)) {
            while (stream.next()) {
                sum += stream.json(0).longValue();
            }
            assertThat(stream.rowsRead()).isEqualTo(200_000);
        }
        assertThat(sum).isEqualTo(200_000L * 200_001L / 2);
    }

    @Test
    void stateWritesCommitWhileAStreamIsOpenAndTheStreamKeepsItsSnapshot() {
        Dialect dialect = warehouse().dialect();
        String snapshot = dialect.quoteRelation(relation("snapshot"));
        execute("CREATE TABLE " + snapshot + " AS SELECT v FROM (" + numbersSql(10_000) + ") n");
        long read = 0;
        try (RowStream stream = warehouse().stream("SELECT v FROM " + snapshot, 100)) {
            while (stream.next()) {
                read++;
                if (read == 10) {
                    warehouse().jdbi().useTransaction(handle -> {
                        handle.execute("DELETE FROM " + snapshot + " WHERE v > 5000");
                        handle.execute("INSERT INTO " + snapshot + " VALUES (-1)");
                    });
                }
            }
        }
        assertThat(read).isEqualTo(10_000);
        long remaining = warehouse().jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + snapshot)
                .mapTo(Long.class).one());
        assertThat(remaining).isEqualTo(5_001L);
    }

    @Test
    void selectColumnsAndColumnsUnderstandTrickyNames() {
        Relation keys = createKeysTable("order");
        Dialect dialect = warehouse().dialect();
        assertThat(warehouse().columns(keys)).extracting(WarehouseColumn::name)
                .containsExactly("Id", "first name", "say \"hi\"");
        assertThat(warehouse().exists(keys)).isTrue();
        List<List<String>> rows = texts(dialect.selectColumns(keys, List.of("say \"hi\"", "Id")) + " ORDER BY "
                + dialect.quoteIdentifier("Id"), 2);
        assertThat(rows.get(0)).containsExactly("c", "1");
        assertThat(warehouse().exists(relation("no_such_table"))).isFalse();
        assertThatThrownBy(() -> warehouse().columns(relation("no_such_table")))
                .isInstanceOf(SpokeException.class)
                .hasMessageEndingWith("does not exist in " + warehouse().adapterType() + "; run `dbt run` to build it");
    }

    /** Creates a table with columns "Id", "first name", "say ""hi""" and the key rows. */
    protected Relation createKeysTable(String table) {
        Dialect dialect = warehouse().dialect();
        Relation relation = relation(table);
        execute("CREATE TABLE " + dialect.quoteRelation(relation) + " (" + dialect.quoteIdentifier("Id")
                + " INTEGER, " + dialect.quoteIdentifier("first name") + " " + dialect.textType() + ", "
                + dialect.quoteIdentifier("say \"hi\"") + " " + dialect.textType() + ")",
                "INSERT INTO " + dialect.quoteRelation(relation) + " VALUES " + KEY_ROWS);
        return relation;
    }

    protected void execute(String... statements) {
        warehouse().jdbi().useHandle(handle -> {
            for (String sql : statements) {
                handle.execute(sql);
            }
        });
    }

    /** Every row of a query, each as the text of its first {@code width} columns. */
    protected List<List<String>> texts(String sql, int width) {
        List<List<String>> rows = new ArrayList<>();
        try (RowStream stream = warehouse().stream(sql, 100)) {
            while (stream.next()) {
                List<String> row = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    row.add(stream.text(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> column(List<List<String>> rows) {
        List<String> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(row.get(0)));
        return values;
    }
}
