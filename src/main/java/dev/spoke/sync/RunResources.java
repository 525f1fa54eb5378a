package dev.spoke.sync;

import dev.spoke.config.StateSettings;
import dev.spoke.dbt.ProfileTarget;
import dev.spoke.dbt.ProfilesReader;
import dev.spoke.dbt.Relation;
import dev.spoke.state.StateStore;
import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseConnector;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The connections a run holds: the warehouse (from dbt's profiles.yml) and the state store (in the warehouse, or in
 * a DuckDB file under target/ for {@code state.backend: local}). Closed together.
 */
final class RunResources implements AutoCloseable {
    static final String LOCAL_STATE_FILE = "spoke_state.duckdb";

    private final Warehouse warehouse;
    private final StateStore store;
    private final StateSettings settings;

    private RunResources(Warehouse warehouse, StateStore store, StateSettings settings) {
        this.warehouse = warehouse;
        this.store = store;
        this.settings = settings;
    }

    static RunResources open(LoadedProject project) {
        ProjectRequest request = project.request();
        ProfileTarget target = new ProfilesReader(request.environment(), Path.of(System.getProperty("user.home")))
                .read(project.dbtProject(), request.profilesDir(), request.profile(), request.target());
        Warehouse warehouse = WarehouseConnector.open(target, project.dbtProject().directory());
        try {
            StateSettings settings = project.config().state();
            StateStore store;
            if (settings.isLocal()) {
                Path file = project.targetDir().resolve(LOCAL_STATE_FILE);
                file.getParent().toFile().mkdirs();
                Warehouse local = WarehouseConnector.open("jdbc:duckdb:" + file, new Properties(), "duckdb");
                store = new StateStore(local, true, null, settings.schema());
            } else {
                store = new StateStore(warehouse, false, settings.database(), settings.schema());
            }
            return new RunResources(warehouse, store, settings);
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    Warehouse warehouse() {
        return warehouse;
    }

    StateStore store() {
        return store;
    }

    boolean localState() {
        return settings.isLocal();
    }

    /** Whether an export's snapshot table exists yet (a plan before the first sync must not create it). */
    boolean snapshotExists(String snapshotTable) {
        return store.database().exists(new Relation(settings.isLocal() ? null : settings.database(), settings.schema(),
                snapshotTable));
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            warehouse.close();
        }
    }
}
