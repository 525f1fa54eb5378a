package dev.spoke.state;

import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseConnector;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state commit contract on a DuckDB file, as the local backend keeps state (each opening of the file sees what
 * the last one wrote).
 */
class DuckDbStateCommitTest extends StateCommitContractTest {
    @TempDir
    Path directory;

    @Override
    protected Warehouse openWarehouse() {
        return WarehouseConnector.open("jdbc:duckdb:" + directory.resolve("spoke_state.duckdb"), new Properties(),
                "duckdb");
    }

    @Override
    protected String schema() {
        return "Spoke State";
    }
}
