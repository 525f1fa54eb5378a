package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.dbt.Relation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key-type round trip on an in-memory DuckDB, over every DuckDB type a key column may have. */
class DuckDbKeyTypeTest extends KeyTypeContractTest {
    private Warehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = WarehouseConnector.open("jdbc:duckdb:", new Properties(), "duckdb");
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Override
    protected Warehouse warehouse() {
        return warehouse;
    }

    @Override
    protected Relation relation(String table) {
        return new Relation("memory", "main", table);
    }

    @Override
    protected String integerTypeName() {
        return "BIGINT";
    }

    @Override
    protected Map<String, List<String>> samples(KeySamples samples) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("BOOLEAN", samples.booleans());
        types.put("TINYINT", samples.signed(8));
        types.put("SMALLINT", samples.signed(16));
        types.put("INTEGER", samples.signed(32));
        types.put("BIGINT", samples.signed(64));
        types.put("HUGEINT", samples.signed(128));
        types.put("UTINYINT", samples.unsigned(8));
        types.put("USMALLINT", samples.unsigned(16));
        types.put("UINTEGER", samples.unsigned(32));
        types.put("UBIGINT", samples.unsigned(64));
        types.put("UHUGEINT", samples.unsigned(128));
        types.put("DECIMAL(4,1)", samples.decimals(4, 1, "DECIMAL(4,1)"));
        types.put("DECIMAL(18,6)", samples.decimals(18, 6, "DECIMAL(18,6)"));
        types.put("DECIMAL(38,10)", samples.decimals(38, 10, "DECIMAL(38,10)"));
        types.put("DECIMAL(18,8)", samples.decimals(10, 8, "DECIMAL(18,8)"));
        types.put("FLOAT", samples.floats(true, "FLOAT"));
        types.put("DOUBLE", samples.floats(false, "DOUBLE"));
        types.put("VARCHAR", samples.strings());
        types.put("UUID", samples.uuids("UUID"));
        types.put("DATE", samples.dates("DATE"));
        types.put("TIME", samples.times("TIME"));
        types.put("TIMETZ", samples.timesWithOffset("TIMETZ"));
        types.put("TIMESTAMP", samples.timestamps("TIMESTAMP", 6, false));
        types.put("TIMESTAMP_S", samples.timestamps("TIMESTAMP_S", 0, false));
        types.put("TIMESTAMP_MS", samples.timestamps("TIMESTAMP_MS", 3, false));
        types.put("TIMESTAMP_NS", samples.timestamps("TIMESTAMP_NS", 9, false, 1678, 2261));
        types.put("TIMESTAMPTZ", samples.timestamps("TIMESTAMPTZ", 6, true));
        types.put("BLOB", samples.bytes(hex -> "from_hex('" + hex + "')"));
        return types;
    }

    /**
     * Years beyond 9999 have five digits in DuckDB's text and a sign in ISO-8601. (Dates before Christ are left out:
     * this driver reads {@code 0044-03-15 (BC)} as 44 AD, so their upserts are wrong to begin with.)
     */
    @Test
    void yearsBeyond9999ReadAsTheirValues() {
        execute("CREATE TABLE far AS SELECT * FROM (VALUES (DATE '12024-01-31', TIMESTAMP '12024-01-31 13:45:00.5',"
                + " TIMESTAMPTZ '12024-01-31 13:45:00+00')) t(d, ts, tz)");
        try (RowStream stream = warehouse.stream("SELECT d, ts, tz, CAST(d AS VARCHAR), CAST(ts AS VARCHAR),"
                + " CAST(tz AS VARCHAR) FROM far", 10)) {
            assertThat(stream.next()).isTrue();
            for (int i = 0; i < 3; i++) {
                KeyType type = warehouse.dialect().keyType(stream.columns().get(i).typeName());
                assertThat(type.read(stream.text(i + 3))).as(stream.text(i + 3)).isEqualTo(stream.json(i));
            }
        }
    }
}
