package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.dbt.Relation;
import dev.spoke.testing.Golden;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL each dialect generates, against the expected text in {@code src/test/resources/sql/<adapter>/<case>.sql}.
 * The names are the tricky ones: a reserved word, a space, a double quote, mixed case. DuckDbWarehouseTest and
 * PostgresWarehouseIT run the same SQL in the databases.
 */
class DialectGoldenSqlTest {
    static final Relation ORDER = new Relation("Analytics DB", "Mixed Case", "order");
    static final List<String> COLUMNS = List.of("id", "first name", "say \"hi\"", "CamelCase");
    static final List<String> COMPOSITE_KEY = List.of("id", "say \"hi\"");

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void selectColumns(String adapter) {
        assertGolden(adapter, "select_columns", Dialect.forAdapter(adapter).selectColumns(ORDER, COLUMNS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void singleColumnKeyWithoutAlias(String adapter) {
        assertGolden(adapter, "key_single", Dialect.forAdapter(adapter).keyExpression(List.of("Order Id"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void compositeKey(String adapter) {
        assertGolden(adapter, "key_composite", Dialect.forAdapter(adapter).keyExpression(COMPOSITE_KEY, "m"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void rowHash(String adapter) {
        assertGolden(adapter, "row_hash", Dialect.forAdapter(adapter).rowHashExpression(COLUMNS, "spoke:v1:it's", "m"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb"})
    void shardPredicate(String adapter) {
        Dialect dialect = Dialect.forAdapter(adapter);
        assertGolden(adapter, "shard_predicate",
                dialect.shardPredicate(dialect.keyExpression(COMPOSITE_KEY, "m"), 2, 8));
    }

    private static void assertGolden(String adapter, String name, String actual) {
        Golden.assertMatches("sql/" + adapter + "/" + name + ".sql", actual);
    }
}
