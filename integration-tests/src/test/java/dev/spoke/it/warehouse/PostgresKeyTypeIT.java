package dev.spoke.it.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.dbt.Relation;
import dev.spoke.it.support.PostgresSchema;
import dev.spoke.warehouse.KeySamples;
import dev.spoke.warehouse.KeyType;
import dev.spoke.warehouse.KeyTypeContractTest;
import dev.spoke.warehouse.RowStream;
import dev.spoke.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key-type round trip on PostgreSQL, over every PostgreSQL type a key column may have. */
class PostgresKeyTypeIT extends KeyTypeContractTest {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    private static Warehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = SCHEMA.server().openWarehouse();
    }

    @AfterAll
    static void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Override
    protected Warehouse warehouse() {
        return warehouse;
    }

    @Override
    protected Relation relation(String table) {
        return SCHEMA.relation(table);
    }

    @Override
    protected String integerTypeName() {
        return "int8";
    }

    @Override
    protected Map<String, List<String>> samples(KeySamples samples) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("boolean", samples.booleans());
        types.put("smallint", samples.signed(16));
        types.put("integer", samples.signed(32));
        types.put("bigint", samples.signed(64));
        types.put("numeric", samples.decimals(60, 20, "numeric"));
        types.put("numeric(10,2)", samples.decimals(10, 2, "numeric(10,2)"));
        types.put("numeric(38,0)", samples.decimals(38, 0, "numeric(38,0)"));
        types.put("numeric(20,12)", samples.decimals(12, 12, "numeric(20,12)"));
        types.put("real", samples.floats(true, "real"));
        types.put("double precision", samples.floats(false, "double precision"));
        types.put("text", samples.strings());
        types.put("varchar(40)", samples.strings());
        types.put("uuid", samples.uuids("uuid"));
        types.put("date", samples.dates("date"));
        types.put("time", samples.times("time"));
        types.put("timetz", samples.timesWithOffset("timetz"));
        types.put("timestamp", samples.timestamps("timestamp", 6, false));
        types.put("timestamptz", samples.timestamps("timestamptz", 6, true));
        types.put("bytea", samples.bytes(hex -> "decode('" + hex + "', 'hex')"));
        return types;
    }

    /**
     * The text forms a UTC session gives outside everyday values: eras, years beyond 9999, infinities, NaN, the time
     * 24:00:00, jsonb, intervals and enums.
     */
    @Test
    void unusualValuesReadAsTheirValues() {
        String table = warehouse.dialect().quoteRelation(SCHEMA.relation("unusual_keys"));
        String mood = warehouse.dialect().quoteRelation(SCHEMA.relation("mood"));
        execute("CREATE TYPE " + mood + " AS ENUM ('sad', 'happy')",
                "CREATE TABLE " + table + " AS SELECT DATE '0044-03-15 BC' AS d1, DATE '12024-01-31' AS d2,"
                        + " DATE 'infinity' AS d3, TIMESTAMP '0044-03-15 10:00:00.5 BC' AS ts1,"
                        + " TIMESTAMP '-infinity' AS ts2, TIMESTAMPTZ '0001-01-01 00:00:00+00 BC' AS tz1,"
                        + " TIMESTAMPTZ 'infinity' AS tz2, CAST('NaN' AS numeric) AS n1, CAST('Infinity' AS float8) AS f1,"
                        + " CAST('24:00:00' AS time) AS t1, CAST('{\"b\": [1, 2.50], \"a\": null}' AS jsonb) AS j1,"
                        + " INTERVAL '1 day 2 hours' AS i1, CAST('happy' AS " + mood + ") AS e1,"
                        + " CAST(4000000000 AS oid) AS o1");
        try (RowStream stream = warehouse.stream("SELECT * FROM " + table, 10)) {
            assertThat(stream.next()).isTrue();
            int columns = stream.columns().size();
            StringBuilder texts = new StringBuilder("SELECT ");
            for (int i = 0; i < columns; i++) {
                texts.append(i == 0 ? "" : ", ").append(warehouse.dialect().castToText(
                        warehouse.dialect().quoteIdentifier(stream.columns().get(i).name())));
            }
            try (RowStream text = warehouse.stream(texts + " FROM " + table, 10)) {
                assertThat(text.next()).isTrue();
                for (int i = 0; i < columns; i++) {
                    KeyType type = warehouse.dialect().keyType(stream.columns().get(i).typeName());
                    assertThat(type.read(text.text(i))).as(stream.columns().get(i).name() + " " + text.text(i))
                            .isEqualTo(stream.json(i));
                }
            }
        }
    }
}
