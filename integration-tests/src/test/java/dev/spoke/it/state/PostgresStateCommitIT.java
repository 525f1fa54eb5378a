package dev.spoke.it.state;

import dev.spoke.it.support.PostgresSchema;
import dev.spoke.state.StateCommitContractTest;
import dev.spoke.warehouse.Warehouse;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The state commit contract on PostgreSQL, in a schema of its own whose name needs quoting. */
class PostgresStateCommitIT extends StateCommitContractTest {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema("State Commit");

    @Override
    protected Warehouse openWarehouse() {
        return SCHEMA.server().openWarehouse();
    }

    @Override
    protected String schema() {
        return SCHEMA.name();
    }
}
