package dev.spoke.it.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.config.Secret;
import dev.spoke.dbt.ProfileTarget;
import dev.spoke.dbt.Relation;
import dev.spoke.it.support.PostgresSchema;
import dev.spoke.warehouse.Dialect;
import dev.spoke.warehouse.JsonValues;
import dev.spoke.warehouse.RowStream;
import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseColumn;
import dev.spoke.warehouse.WarehouseConnector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL specifics: every value type streamed to exact JSON from a table named {@code order} in a mixed-case
 * schema, cursor fetching by fetch size, shard buckets equal to DuckDB's and Java's, profile targets and connection
 * failures.
 */
class PostgresWarehouseIT {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema("Mixed Case");

    private static Warehouse warehouse;
    private static Relation order;

    @BeforeAll
    static void createOrderTable() {
        warehouse = SCHEMA.server().openWarehouse();
        Dialect dialect = warehouse.dialect();
        order = SCHEMA.relation("order");
        String schema = dialect.quoteIdentifier(SCHEMA.name());
        String table = dialect.quoteRelation(order);
        SCHEMA.server().execute("CREATE TYPE " + schema + ".mood AS ENUM ('sad', 'ok')",
                "CREATE TABLE " + table + " (\"Order Id\" integer, \"say \"\"hi\"\"\" text, \"CamelCase\" bigint,"
                        + " small smallint, amount numeric(10,2), wide numeric, nan numeric, ratio real,"
                        + " score double precision, inf double precision, active boolean, label text, fixed char(3),"
                        + " day date, at_time time, at_time_tz timetz, at_tz timestamptz, local_ts timestamp,"
                        + " forever timestamptz, span interval, id_uuid uuid, doc json, docb jsonb, mood " + schema
                        + ".mood, tags text[], grid integer[][], stamps timestamptz[], amounts numeric[],"
                        + " payload bytea, nothing integer)",
                "INSERT INTO " + table + " VALUES (1, 'ab', 9007199254740993, -5, 10.50,"
                        + " 12345678901234567890123456789.123456789, 'NaN', 1.5, 0.1, '-Infinity', true,"
                        + " 'é🦆中 e\u0301', 'ab', '2024-01-31', '13:45:00', '13:45:00+02',"
                        + " '2024-01-31 15:45:00.123456+02', '2024-01-31 13:45:00.123456', 'infinity',"
                        + " '1 year 2 months 3 days 04:05:06.5', '6f1c2f5e-8d4b-4a51-9a7e-2b0c1d3e4f50',"
                        + " '{\"a\": [1, 2.50], \"b\": null}', '{\"a\": [1, 2.50], \"b\": null}', 'ok',"
                        + " ARRAY['a b', NULL, 'x\"y'], '{{1,2},{3,4}}', ARRAY[timestamptz '2024-01-31 15:45:00+02'],"
                        + " ARRAY[1.50, 10], '\\xaa00', NULL)",
                "INSERT INTO " + table + " (\"Order Id\") VALUES (2)");
    }

    @AfterAll
    static void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    void streamsEveryTypeAsExactJson() {
        List<String> rows = rowsAsJson(warehouse, "SELECT * FROM " + warehouse.dialect().quoteRelation(order)
                + " ORDER BY 1");
        assertThat(rows.get(0)).isEqualTo("{\"Order Id\":1,\"say \\\"hi\\\"\":\"ab\",\"CamelCase\":9007199254740993,"
                + "\"small\":-5,\"amount\":10.50,\"wide\":12345678901234567890123456789.123456789,\"nan\":\"NaN\","
                + "\"ratio\":1.5,\"score\":0.1,\"inf\":\"-Infinity\",\"active\":true,\"label\":\"é🦆中 e\u0301\","
                + "\"fixed\":\"ab \",\"day\":\"2024-01-31\",\"at_time\":\"13:45:00\",\"at_time_tz\":\"13:45:00+02:00\","
                + "\"at_tz\":\"2024-01-31T13:45:00.123456Z\",\"local_ts\":\"2024-01-31T13:45:00.123456\","
                + "\"forever\":\"infinity\",\"span\":\"P1Y2M3DT4H5M6.5S\","
                + "\"id_uuid\":\"6f1c2f5e-8d4b-4a51-9a7e-2b0c1d3e4f50\",\"doc\":{\"a\":[1,2.50],\"b\":null},"
                + "\"docb\":{\"a\":[1,2.50],\"b\":null},\"mood\":\"ok\",\"tags\":[\"a b\",null,\"x\\\"y\"],"
                + "\"grid\":[[1,2],[3,4]],\"stamps\":[\"2024-01-31T13:45:00Z\"],\"amounts\":[1.50,10],"
                + "\"payload\":\"qgA=\",\"nothing\":null}");
        assertThat(rows.get(1)).startsWith("{\"Order Id\":2,\"say \\\"hi\\\"\":null,")
                .endsWith("\"amounts\":null,\"payload\":null,\"nothing\":null}");
    }

    @Test
    void timesDoNotDependOnTheJvmTimeZone() {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try (Warehouse newYork = SCHEMA.server().openWarehouse()) {
            Dialect dialect = newYork.dialect();
            String sql = "SELECT " + dialect.keyExpression(List.of("at_tz"), null) + ", at_tz, local_ts FROM "
                    + dialect.quoteRelation(order) + " WHERE \"Order Id\" = 1";
            try (RowStream stream = newYork.stream(sql, 10)) {
                assertThat(stream.next()).isTrue();
                assertThat(stream.text(0)).isEqualTo("2024-01-31 13:45:00.123456+00");
                assertThat(stream.json(1).textValue()).isEqualTo("2024-01-31T13:45:00.123456Z");
                assertThat(stream.json(2).textValue()).isEqualTo("2024-01-31T13:45:00.123456");
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void listsColumnsAndFindsTheRelationWithItsDatabase() {
        List<WarehouseColumn> columns = warehouse.columns(order);
        assertThat(columns).hasSize(30);
        assertThat(columns.get(0)).isEqualTo(new WarehouseColumn("Order Id", "int4", java.sql.Types.INTEGER));
        assertThat(columns).extracting(WarehouseColumn::typeName).contains("numeric", "timestamptz", "_int4", "jsonb");
        String database = currentDatabase();
        assertThat(warehouse.exists(new Relation(database, SCHEMA.name(), "order"))).isTrue();
        assertThat(warehouse.exists(new Relation("other_database", SCHEMA.name(), "order"))).isFalse();
        assertThat(warehouse.exists(new Relation(null, SCHEMA.name(), "ORDER"))).as("PostgreSQL names are exact")
                .isFalse();
    }

    @Test
    void fetchesFetchSizeRowsPerRoundTrip() {
        // row 150000 fails; the rows before the round trip that meets it arrive first
        assertThat(rowsReadBeforeFailure(1_000)).isEqualTo(149_000);
        assertThat(rowsReadBeforeFailure(10_000)).isEqualTo(140_000);
    }

    @Test
    void shardBucketsAreTheSameInPostgresDuckDbAndJava() {
        int count = 13;
        String keys = "SELECT CAST(i AS text) || 'é🦆' || chr(31) || 'x' AS k FROM generate_series(1, 300) AS t(i)";
        Map<String, Integer> postgres = shards(warehouse, keys, count);
        Map<String, Integer> duckdb;
        try (Warehouse inMemory = WarehouseConnector.open("jdbc:duckdb:", new Properties(), "duckdb")) {
            duckdb = shards(inMemory, keys.replace("generate_series(1, 300) AS t(i)", "range(1, 301) t(i)"), count);
        }
        assertThat(postgres).hasSize(300).isEqualTo(duckdb);
        postgres.forEach((key, shard) -> assertThat(Dialect.shardOf(key, count)).as(key).isEqualTo(shard));
    }

    @Test
    void opensAProfileTarget() {
        ProfileTarget target = SCHEMA.server().profileTarget(SCHEMA.name());
        try (Warehouse fromProfile = WarehouseConnector.open(target, Path.of("."))) {
            assertThat(fromProfile.adapterType()).isEqualTo("postgres");
            assertThat(fromProfile.description()).startsWith("PostgreSQL at ");
            assertThat(fromProfile.exists(order)).isTrue();
        }
    }

    @Test
    void aMissingDatabaseIsARuntimeErrorThatNamesItAndHidesThePassword() {
        String password = "hunter2-super-secret";
        Map<String, Object> fields = new LinkedHashMap<>(SCHEMA.server().profileTarget(SCHEMA.name()).fields());
        fields.put("dbname", "no_such_database_for_spoke");
        fields.put("password", Secret.of(password, "env_var('PGPASSWORD')"));
        ProfileTarget target = new ProfileTarget("shop", "prod", "postgres", fields, "profiles.yml");
        assertThatThrownBy(() -> WarehouseConnector.open(target, Path.of(".")))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.RUNTIME_ERROR);
                    assertThat(e.getMessage()).contains("database 'no_such_database_for_spoke'")
                            .contains("profile 'shop' target 'prod'").doesNotContain(password);
                    assertThat(e.hint()).contains("dbname");
                });
    }

    private static long rowsReadBeforeFailure(int fetchSize) {
        String sql = "SELECT CASE WHEN i = 150000 THEN CAST('row ' || i AS integer) ELSE i END AS v"
                + " FROM generate_series(1, 200000) AS t(i)";
        try (RowStream stream = warehouse.stream(sql, fetchSize)) {
            try {
                while (stream.next()) {
                    stream.json(0);
                }
            } catch (SpokeException expected) {
                return stream.rowsRead();
            }
            throw new AssertionError("the query should have failed at row 150000");
        }
    }

    private static Map<String, Integer> shards(Warehouse target, String keysSql, int count) {
        Dialect dialect = target.dialect();
        Map<String, Integer> shards = new HashMap<>();
        for (int index = 0; index < count; index++) {
            String sql = "SELECT k FROM (" + keysSql + ") keys WHERE " + dialect.shardPredicate("k", index, count);
            try (RowStream stream = target.stream(sql, 1_000)) {
                while (stream.next()) {
                    shards.put(stream.text(0), index);
                }
            }
        }
        return shards;
    }

    private static String currentDatabase() {
        try (RowStream stream = warehouse.stream("SELECT current_database()", 1)) {
            stream.next();
            return stream.text(0);
        }
    }

    static List<String> rowsAsJson(Warehouse target, String sql) {
        List<String> rows = new java.util.ArrayList<>();
        try (RowStream stream = target.stream(sql, 100)) {
            while (stream.next()) {
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < stream.columns().size(); i++) {
                    row.set(stream.columns().get(i).name(), stream.json(i));
                }
                rows.add(JsonValues.write(row));
            }
        }
        return rows;
    }
}
