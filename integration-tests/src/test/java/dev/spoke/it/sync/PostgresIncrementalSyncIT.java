package dev.spoke.it.sync;

import dev.spoke.it.support.PostgresSchema;
import dev.spoke.it.support.PostgresWarehouse;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.TestWarehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link IncrementalSyncContract} on PostgreSQL, state in the warehouse (the default backend). */
class PostgresIncrementalSyncIT extends IncrementalSyncContract {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    private String freshSchema;

    @Override
    TestWarehouse warehouse(Path testDir) {
        return new PostgresWarehouse(SCHEMA);
    }

    @Override
    void configureState(TestProject project) {
        project.state("backend", "warehouse");
    }

    @Override
    TestWarehouse stateDatabase(TestProject project) {
        return warehouse;
    }

    @Override
    String freshStateSchema(TestProject project) {
        freshSchema = SCHEMA.name() + "_fresh";
        project.state("schema", freshSchema).write();
        return freshSchema;
    }

    @AfterEach
    void dropFreshSchema() {
        if (freshSchema != null) {
            warehouse.execute("DROP SCHEMA IF EXISTS " + warehouse.quoted(freshSchema) + " CASCADE");
        }
    }
}
