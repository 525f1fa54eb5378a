package dev.spoke.config;

import java.time.Duration;

/** Collects the {@code state:} keys of spoke.yml, starting from the defaults. */
final class StateSettingsBuilder {
    String backend = StateSettings.DEFAULTS.backend();
    String schema = StateSettings.DEFAULTS.schema();
    String database = StateSettings.DEFAULTS.database();
    Duration syncLogRetention = StateSettings.DEFAULTS.syncLogRetention();

    StateSettings build() {
        return new StateSettings(backend, schema, database, syncLogRetention);
    }
}
