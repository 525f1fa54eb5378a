package dev.spoke.it.support;

import static java.util.Objects.requireNonNull;

import dev.spoke.dbt.ProfileTarget;
import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.Driver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one PostgreSQL server of the integration tests: the server at {@code SPOKE_IT_JDBC_URL} when that is set (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=root}), else one Testcontainers container shared by the whole
 * test run. When neither is available, {@link #get()} skips the calling test through a JUnit assumption that says
 * why. Tests keep to their own schema: see {@link PostgresSchema}.
 */
public final class PostgresServer {
    public static final String URL_VARIABLE = "SPOKE_IT_JDBC_URL";
    private static final String IMAGE = "postgres:16-alpine";

    private static PostgresServer shared;

    private final String jdbcUrl;
    private final Properties properties;

    private PostgresServer(String jdbcUrl, Properties properties) {
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
        this.properties = requireNonNull(properties, "properties is null");
    }

    /** The server, started on first use; skips the calling test when there is none. */
    public static synchronized PostgresServer get() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** The JDBC URL; it may carry the user (and password) as query parameters. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Connection properties to use with {@link #jdbcUrl()} (user and password of a container; empty otherwise). */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** A new warehouse on this server; close it after use. */
    public Warehouse openWarehouse() {
        return WarehouseConnector.open(jdbcUrl, properties(), "postgres");
    }

    /** A dbt-postgres profile target for this server, as profiles.yml would give it (no password: secret-free). */
    public ProfileTarget profileTarget(String schema) {
        Properties parsed = Driver.parseURL(jdbcUrl, properties());
        if (parsed == null) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("host", parsed.getProperty("PGHOST"));
        fields.put("port", Integer.parseInt(parsed.getProperty("PGPORT", "5432")));
        fields.put("user", parsed.getProperty("user"));
        if (parsed.getProperty("password") != null) {
            fields.put("password", parsed.getProperty("password"));
        }
        fields.put("dbname", parsed.getProperty("PGDBNAME"));
        fields.put("schema", schema);
        return new ProfileTarget("spoke_it", "it", "postgres", fields, "PostgresServer");
    }

    /** Runs statements in auto-commit, outside any warehouse: for setup and teardown. */
    public void execute(String... statements) {
        try (Connection connection = new Driver().connect(jdbcUrl, properties());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private static PostgresServer start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new PostgresServer(url.trim(), new Properties());
        }
        if (!dockerAvailable()) {
            String reason = URL_VARIABLE + " is not set and Docker is not available for Testcontainers: set "
                    + URL_VARIABLE + "=jdbc:postgresql://host:5432/db?user=... to run the PostgreSQL integration tests";
            // a class skipped in @BeforeAll shows as "Tests run: 0" in the Maven log, so say why there too
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        Properties properties = new Properties();
        properties.setProperty("user", container.getUsername());
        properties.setProperty("password", container.getPassword());
        return new PostgresServer(container.getJdbcUrl(), properties);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
