package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * A new JDBC connection per {@link #open()} from a client-server driver (PostgreSQL). The password travels in the
 * properties, never in the URL. No pooling: spoke opens few connections per run (one per stream, one per state
 * transaction).
 */
final class DriverConnectionSource implements ConnectionSource {
    private final Driver driver;
    private final String jdbcUrl;
    private final Properties properties;
    private final List<String> sessionSql;
    private final String description;

    DriverConnectionSource(Driver driver, String jdbcUrl, Properties properties, List<String> sessionSql,
            String description) {
        this.driver = requireNonNull(driver, "driver is null");
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
        this.properties = copy(requireNonNull(properties, "properties is null"));
        this.sessionSql = List.copyOf(sessionSql);
        this.description = requireNonNull(description, "description is null");
    }

    @Override
    public Connection open() throws SQLException {
        Connection connection = driver.connect(jdbcUrl, copy(properties));
        if (connection == null) {
            throw new SQLException("the " + driver.getClass().getName() + " driver does not accept " + description);
        }
        return ConnectionSource.prepare(connection, sessionSql);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        // nothing is held between connections
    }

    private static Properties copy(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
