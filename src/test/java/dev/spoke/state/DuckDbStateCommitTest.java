package dev.spoke.state;

import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseConnector;
import java.util.Properties;

/** The state commit contract on an in-memory DuckDB. */
class DuckDbStateCommitTest extends StateCommitContractTest {
    @Override
    protected Warehouse openWarehouse() {
        return WarehouseConnector.open("jdbc:duckdb:", new Properties(), "duckdb");
    }

    @Override
    protected String schema() {
        return "Spoke State";
    }
}
