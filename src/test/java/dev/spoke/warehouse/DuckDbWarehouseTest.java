package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.dbt.Relation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An in-memory DuckDB: every value type streamed to exact JSON, tricky names, key, hash and shard SQL run for real. */
class DuckDbWarehouseTest {
    static final Relation ORDER = new Relation("memory", "Mixed Schema", "order");

    private Warehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = WarehouseConnector.open("jdbc:duckdb:", new Properties(), "duckdb");
        execute(warehouse, "CREATE SCHEMA \"Mixed Schema\"",
                "CREATE TABLE \"Mixed Schema\".\"order\" (\"Order Id\" INTEGER, \"say \"\"hi\"\"\" VARCHAR,"
                        + " \"CamelCase\" BIGINT, tiny TINYINT, huge HUGEINT, ubig UBIGINT, amount DECIMAL(10,2),"
                        + " wide DECIMAL(38,9), ratio FLOAT, score DOUBLE, nan DOUBLE, inf DOUBLE, active BOOLEAN,"
                        + " label VARCHAR, day DATE, at_time TIME, at_tz TIMESTAMPTZ, local_ts TIMESTAMP,"
                        + " span INTERVAL, id_uuid UUID, doc JSON, tags VARCHAR[], point STRUCT(x INTEGER, y DECIMAL(5,2)),"
                        + " attrs MAP(VARCHAR, INTEGER), payload BLOB, nothing INTEGER)",
                "INSERT INTO \"Mixed Schema\".\"order\" VALUES (1, 'ab', 9007199254740993, -5,"
                        + " 170141183460469231731687303715884105727, 18446744073709551615, 10.50,"
                        + " '12345678901234567890123456789.123456789', 1.5, 0.1, 'NaN', '-Infinity', true,"
                        + " 'é🦆中 e\u0301', DATE '2024-01-31', TIME '13:45:00', TIMESTAMPTZ '2024-01-31 15:45:00.123456+02',"
                        + " TIMESTAMP '2024-01-31 13:45:00.123456', INTERVAL '1 year 2 months 3 days 04:05:06.5',"
                        + " '6f1c2f5e-8d4b-4a51-9a7e-2b0c1d3e4f50', '{\"a\": [1, 2.50], \"b\": null}', ['a b', NULL],"
                        + " {'x': 1, 'y': 2.50}, MAP {'k': 10}, '\\xAA\\x00'::BLOB, NULL)",
                "INSERT INTO \"Mixed Schema\".\"order\" (\"Order Id\") VALUES (2)");
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void streamsEveryTypeAsExactJson() {
        List<String> rows = new ArrayList<>();
        try (RowStream stream = warehouse.stream("SELECT * FROM " + warehouse.dialect().quoteRelation(ORDER)
                + " ORDER BY 1", 100)) {
            while (stream.next()) {
                rows.add(rowJson(stream));
            }
        }
        assertThat(rows.get(0)).isEqualTo("{\"Order Id\":1,\"say \\\"hi\\\"\":\"ab\",\"CamelCase\":9007199254740993,"
                + "\"tiny\":-5,\"huge\":170141183460469231731687303715884105727,\"ubig\":18446744073709551615,"
                + "\"amount\":10.50,\"wide\":12345678901234567890123456789.123456789,\"ratio\":1.5,\"score\":0.1,"
                + "\"nan\":\"NaN\",\"inf\":\"-Infinity\",\"active\":true,\"label\":\"é🦆中 e\u0301\","
                + "\"day\":\"2024-01-31\",\"at_time\":\"13:45:00\",\"at_tz\":\"2024-01-31T13:45:00.123456Z\","
                + "\"local_ts\":\"2024-01-31T13:45:00.123456\",\"span\":\"1 year 2 months 3 days 04:05:06.5\","
                + "\"id_uuid\":\"6f1c2f5e-8d4b-4a51-9a7e-2b0c1d3e4f50\",\"doc\":{\"a\":[1,2.50],\"b\":null},"
                + "\"tags\":[\"a b\",null],\"point\":{\"x\":1,\"y\":2.50},\"attrs\":{\"k\":10},\"payload\":\"qgA=\","
                + "\"nothing\":null}");
        assertThat(rows.get(1)).startsWith("{\"Order Id\":2,\"say \\\"hi\\\"\":null,\"CamelCase\":null,")
                .endsWith("\"attrs\":null,\"payload\":null,\"nothing\":null}");
    }

    @Test
    void reportsNullsAndRawText() {
        try (RowStream stream = warehouse.stream("SELECT \"Order Id\", nothing, CAST(amount AS VARCHAR) FROM "
                + warehouse.dialect().quoteRelation(ORDER) + " ORDER BY 1", 10)) {
            assertThat(stream.next()).isTrue();
            assertThat(stream.isNull(0)).isFalse();
            assertThat(stream.isNull(1)).isTrue();
            assertThat(stream.text(2)).isEqualTo("10.50");
            assertThat(stream.rowsRead()).isEqualTo(1);
            assertThatThrownBy(() -> stream.json(3)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void listsColumnsInTableOrderAndFindsRelationsCaseInsensitively() {
        List<WarehouseColumn> columns = warehouse.columns(ORDER);
        assertThat(columns).hasSize(26);
        assertThat(columns.get(0)).isEqualTo(new WarehouseColumn("Order Id", "INTEGER", java.sql.Types.INTEGER));
        assertThat(columns.get(1).name()).isEqualTo("say \"hi\"");
        assertThat(columns.get(6).typeName()).isEqualTo("DECIMAL(10,2)");
        assertThat(warehouse.exists(ORDER)).isTrue();
        assertThat(warehouse.exists(new Relation(null, "mixed schema", "ORDER"))).isTrue();
        assertThat(warehouse.exists(new Relation("other_db", "Mixed Schema", "order"))).isFalse();
    }

    @Test
    void aMissingRelationSaysToRunDbt() {
        assertThatThrownBy(() -> warehouse.columns(new Relation("memory", "main", "customers")))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.RUNTIME_ERROR);
                    assertThat(e.getMessage()).isEqualTo(
                            "relation memory.main.customers does not exist in duckdb; run `dbt run` to build it");
                    assertThat(e.hint()).contains("DuckDB :memory:").contains("--target");
                });
    }

    @Test
    void selectColumnsRunsWithTrickyNames() {
        String sql = warehouse.dialect().selectColumns(ORDER, List.of("say \"hi\"", "Order Id", "CamelCase"));
        try (RowStream stream = warehouse.stream(sql + " ORDER BY 2", 10)) {
            assertThat(stream.columns()).extracting(WarehouseColumn::name)
                    .containsExactly("say \"hi\"", "Order Id", "CamelCase");
            assertThat(stream.next()).isTrue();
            assertThat(stream.json(0).textValue()).isEqualTo("ab");
        }
    }

    @Test
    void aFailingQueryNamesTheWarehouseAndShowsTheSql() {
        assertThatThrownBy(() -> warehouse.stream("SELECT no_such_column FROM "
                + warehouse.dialect().quoteRelation(ORDER), 10))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.RUNTIME_ERROR);
                    assertThat(e.getMessage()).startsWith("query on DuckDB :memory: failed: ")
                            .contains("no_such_column");
                    assertThat(e.hint()).startsWith("the query was: SELECT no_such_column");
                });
    }

    @Test
    void anOpenStreamOutlivesItsWarehouse() {
        RowStream stream = warehouse.stream("SELECT * FROM range(0, 5000) t(i)", 100);
        warehouse.close();
        try (stream) {
            long rows = 0;
            while (stream.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(5000);
        }
    }

    static String rowJson(RowStream stream) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < stream.columns().size(); i++) {
            row.set(stream.columns().get(i).name(), stream.json(i));
        }
        return JsonValues.write(row);
    }

    static void execute(Warehouse warehouse, String... statements) {
        warehouse.jdbi().useHandle(handle -> {
            Connection connection = handle.getConnection();
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
