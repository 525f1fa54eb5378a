package dev.spoke.it.warehouse;

import dev.spoke.dbt.Relation;
import dev.spoke.it.support.PostgresSchema;
import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The warehouse contract on PostgreSQL, in a schema whose name needs quoting. */
class PostgresWarehouseContractIT extends WarehouseContractTest {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema("Warehouse Contract");

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
    protected String numbersSql(long rows) {
        return "SELECT i AS v FROM generate_series(1, " + rows + ") AS t(i)";
    }

    @Override
    protected String failsAtRowSql(long rows, long failingRow) {
        return "SELECT CASE WHEN i = " + failingRow + " THEN CAST('row ' || i AS integer) ELSE i END AS v"
                + " FROM generate_series(1, " + rows + ") AS t(i)";
    }
}
