package dev.spoke.it.sync;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.DuckDbWarehouse;
import dev.spoke.it.support.PostgresSchema;
import dev.spoke.it.support.PostgresWarehouse;
import dev.spoke.it.support.TestProject;
import dev.spoke.it.support.TestWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A warehouse and a state backend the sync contracts run on: PostgreSQL with the state in the warehouse (the
 * default), a DuckDB file (a new one per test) with the state in it, or PostgreSQL with {@code state.backend: local}
 * (the state in target/spoke_state.duckdb, nothing written to the warehouse).
 */
abstract class SyncBackend {
    private static final String LOCAL_SCHEMA = "spoke_local";

    /** The warehouse the models of one test live in. */
    abstract TestWarehouse warehouse(Path testDir);

    /** Sets spoke.yml's state block. */
    abstract void configureState(TestProject project);

    /** Where the state tables are once a sync ran. */
    TestWarehouse stateDatabase(TestProject project, TestWarehouse warehouse) {
        return warehouse;
    }

    /** Points the project at a state schema nothing created yet (and writes it); returns the schema's name. */
    String freshStateSchema(TestProject project) {
        return project.stateSchema();
    }

    /** Checks that nothing was created in the state store (after a plan, a state show). */
    void assertNoStateWasCreated(TestProject project, TestWarehouse warehouse, String stateSchema) {
        assertThat(warehouse.schemaExists(stateSchema)).as("state schema %s", stateSchema).isFalse();
    }

    /** Drops what {@link #freshStateSchema} made, after each test. */
    void cleanUp(TestWarehouse warehouse) {
    }

    static SyncBackend postgres(PostgresSchema schema) {
        return new SyncBackend() {
            private String fresh;

            @Override
            TestWarehouse warehouse(Path testDir) {
                return new PostgresWarehouse(schema);
            }

            @Override
            void configureState(TestProject project) {
                project.state("backend", "warehouse");
            }

            @Override
            String freshStateSchema(TestProject project) {
                fresh = schema.name() + "_fresh";
                project.state("schema", fresh).write();
                return fresh;
            }

            @Override
            void cleanUp(TestWarehouse warehouse) {
                if (fresh != null) {
                    warehouse.execute("DROP SCHEMA IF EXISTS " + warehouse.quoted(fresh) + " CASCADE");
                }
            }
        };
    }

    static SyncBackend duckDb() {
        return new SyncBackend() {
            @Override
            TestWarehouse warehouse(Path testDir) {
                return new DuckDbWarehouse(testDir.resolve("warehouse.duckdb"));
            }

            @Override
            void configureState(TestProject project) {
                project.state("backend", "warehouse");
            }
        };
    }

    static SyncBackend postgresWithLocalState(PostgresSchema schema) {
        requireNonNull(schema, "schema is null");
        return new SyncBackend() {
            @Override
            TestWarehouse warehouse(Path testDir) {
                return new PostgresWarehouse(schema);
            }

            @Override
            void configureState(TestProject project) {
                project.state("backend", "local").state("schema", LOCAL_SCHEMA);
            }

            @Override
            TestWarehouse stateDatabase(TestProject project, TestWarehouse warehouse) {
                assertThat(warehouse.schemaExists(LOCAL_SCHEMA)).as("the local backend writes nothing to the warehouse")
                        .isFalse();
                assertThat(localStateFile(project)).exists();
                return new DuckDbWarehouse(localStateFile(project));
            }

            @Override
            void assertNoStateWasCreated(TestProject project, TestWarehouse warehouse, String stateSchema) {
                super.assertNoStateWasCreated(project, warehouse, stateSchema);
                Path file = localStateFile(project);
                if (Files.exists(file)) {
                    assertThat(new DuckDbWarehouse(file).query("SELECT table_name FROM information_schema.tables"))
                            .as("tables left in the local state file").isEmpty();
                }
            }
        };
    }

    static Path localStateFile(TestProject project) {
        return project.dir().resolve("target/spoke_state.duckdb");
    }
}
