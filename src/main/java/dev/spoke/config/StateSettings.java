package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Where spoke keeps what each destination has confirmed ({@code state:} in spoke.yml).
 *
 * @param backend {@code warehouse} (default: tables in the warehouse, so the diff runs there) or {@code local} (an
 *     embedded database file under the project's target/, for read-only warehouses)
 * @param schema the warehouse schema for state tables (default {@code spoke})
 * @param database the warehouse database (catalog) for state tables, or {@code null} for the profile's own
 * @param syncLogRetention how long sync_log rows are kept (default 30 days)
 */
public record StateSettings(String backend, String schema, String database, Duration syncLogRetention) {
    public static final StateSettings DEFAULTS = new StateSettings("warehouse", "spoke", null, Duration.ofDays(30));

    public StateSettings {
        requireNonNull(backend, "backend is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(syncLogRetention, "syncLogRetention is null");
    }

    public boolean isLocal() {
        return backend.equals("local");
    }
}
