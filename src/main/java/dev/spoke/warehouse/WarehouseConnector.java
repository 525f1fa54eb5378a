package dev.spoke.warehouse;

import dev.spoke.SpokeException;
import dev.spoke.dbt.ProfileTarget;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Opens a {@link Warehouse} from a dbt profile target ({@code postgres} or {@code duckdb}) or from a JDBC URL. The
 * connection is tried at once, so a wrong host, password or path fails here with one clear message.
 */
public final class WarehouseConnector {
    private WarehouseConnector() {
    }

    /** Opens the target read-write. */
    public static Warehouse open(ProfileTarget target, Path projectDir) {
        return open(target, projectDir, AccessMode.READ_WRITE);
    }

    /**
     * @param projectDir the dbt project directory, against which a relative DuckDB path is resolved
     */
    public static Warehouse open(ProfileTarget target, Path projectDir, AccessMode mode) {
        Adapter adapter = Adapter.named(target.type()).orElseThrow(() -> SpokeException.config("the target"
                + where(target) + " has adapter type '" + target.type() + "', which spoke does not read",
                "spoke reads " + Adapter.supportedTypes() + ": pass --target with a target of one of these types"));
        return switch (adapter) {
            case POSTGRES -> openPostgres(PostgresTarget.from(target, mode));
            case DUCKDB -> openDuckDb(DuckDbTarget.from(target, projectDir, mode));
        };
    }

    /**
     * Opens a warehouse from a JDBC URL: {@code jdbc:postgresql://...} or {@code jdbc:duckdb:<file>} ({@code
     * jdbc:duckdb:} alone is in memory). For tests and the state store; users configure a profile target.
     */
    public static Warehouse open(String jdbcUrl, Properties properties, String adapterType) {
        Adapter adapter = Adapter.named(adapterType).orElseThrow(() -> SpokeException.config(
                "adapter type '" + adapterType + "' is not supported", "spoke reads " + Adapter.supportedTypes()));
        String withoutQuery = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
        return switch (adapter) {
            case POSTGRES -> openPostgres(new DriverConnectionSource(new org.postgresql.Driver(), jdbcUrl,
                    properties, PostgresDialect.INSTANCE.sessionSetup(), "PostgreSQL " + withoutQuery), "");
            case DUCKDB -> openDuckDb(jdbcUrl, properties, "DuckDB " + duckDbFile(withoutQuery), "");
        };
    }

    private static String duckDbFile(String jdbcUrl) {
        String file = jdbcUrl.startsWith("jdbc:duckdb:") ? jdbcUrl.substring("jdbc:duckdb:".length()) : jdbcUrl;
        return file.isEmpty() ? DuckDbTarget.MEMORY : file;
    }

    static String where(ProfileTarget target) {
        return " (profile '" + target.profile() + "' target '" + target.target() + "' in " + target.source() + ")";
    }

    private static Warehouse openPostgres(PostgresTarget target) {
        return openPostgres(new DriverConnectionSource(new org.postgresql.Driver(), target.jdbcUrl(),
                target.properties(), target.sessionSql(), target.description()), target.where());
    }

    /** Opens and closes one connection first, so that a bad host or password fails now, with the target named. */
    private static Warehouse openPostgres(DriverConnectionSource source, String where) {
        try {
            source.open().close();
            return new Warehouse(Adapter.POSTGRES, source);
        } catch (SQLException e) {
            throw ConnectionFailures.of(Adapter.POSTGRES, source.description(), where, e);
        }
    }

    private static Warehouse openDuckDb(DuckDbTarget target) {
        Properties properties = new Properties();
        properties.putAll(target.settings());
        if (target.mode() == AccessMode.READ_ONLY && target.file().isPresent()) {
            properties.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        return openDuckDb(target.jdbcUrl(), properties, target.description(), target.where());
    }

    private static Warehouse openDuckDb(String jdbcUrl, Properties properties, String description, String where) {
        if (!jdbcUrl.startsWith("jdbc:duckdb:")) {
            throw SpokeException.config("'" + jdbcUrl + "' is not a DuckDB JDBC URL",
                    "use jdbc:duckdb:<file> or jdbc:duckdb: for an in-memory database");
        }
        Properties settings = new Properties();
        settings.putAll(properties);
        // Without this the driver materializes every result before returning the first row.
        settings.putIfAbsent(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        try {
            DuckDBConnection database = (DuckDBConnection) new DuckDBDriver().connect(jdbcUrl, settings);
            return new Warehouse(Adapter.DUCKDB,
                    new DuckDbConnectionSource(database, DuckDbDialect.INSTANCE.sessionSetup(), description));
        } catch (SQLException e) {
            throw ConnectionFailures.of(Adapter.DUCKDB, description, where, e);
        }
    }
}
