package dev.spoke.warehouse;

import dev.spoke.dbt.Relation;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The warehouse contract on an in-memory DuckDB, in a schema whose name needs quoting. */
class DuckDbWarehouseContractTest extends WarehouseContractTest {
    private static final String SCHEMA = "Contract Schema";

    private Warehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = WarehouseConnector.open("jdbc:duckdb:", new Properties(), "duckdb");
        execute("CREATE SCHEMA " + warehouse.dialect().quoteIdentifier(SCHEMA));
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
        return new Relation("memory", SCHEMA, table);
    }

    @Override
    protected String numbersSql(long rows) {
        return "SELECT i AS v FROM range(1, " + (rows + 1) + ") t(i)";
    }

    @Override
    protected String failsAtRowSql(long rows, long failingRow) {
        return "SELECT CASE WHEN i = " + failingRow + " THEN CAST(error('row ' || i) AS BIGINT) ELSE i END AS v"
                + " FROM range(1, " + (rows + 1) + ") t(i)";
    }
}
