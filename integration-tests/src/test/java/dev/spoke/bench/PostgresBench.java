package dev.spoke.bench;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGConnection;

/**
 * The benchmark model in PostgreSQL ({@code spoke_bench.bench_rows}, state in {@code spoke_bench_state}), built with
 * {@code generate_series}; the baseline is {@code COPY (SELECT * FROM ...) TO STDOUT} read through the driver's
 * CopyManager and discarded.
 */
final class PostgresBench implements BenchDatabase {
    private static final String SCHEMA = "spoke_bench";
    private static final String STATE_SCHEMA = "spoke_bench_state";
    private static final int EXPORT_ROUNDS = 3;

    private final String jdbcUrl;
    private final Properties parsed;

    PostgresBench(String jdbcUrl) {
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
        this.parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
    }

    @Override
    public String adapter() {
        return "postgres";
    }

    @Override
    public String version() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return "PostgreSQL " + result.getString(1) + ", pgjdbc " + connection.getMetaData().getDriverVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void create(long rows) {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
                "DROP SCHEMA IF EXISTS " + STATE_SCHEMA + " CASCADE",
                "CREATE SCHEMA " + SCHEMA,
                "CREATE TABLE " + table() + " AS SELECT"
                        + " i::bigint AS id,"
                        + " 'customer_' || i AS name,"
                        + " 'Zoë Łukasz 東京 ' || i || ' 🚀' AS name_unicode,"
                        + " round((i % 100000) * 1.37, 2)::numeric(12,2) AS amount,"
                        + " timestamptz '2024-01-01 00:00:00+00' + (i % 86400) * interval '1 second' AS updated_at,"
                        + " date '2000-01-01' + (i % 9000)::int AS birth_date,"
                        + " (i % 3 = 0) AS active,"
                        + " jsonb_build_object('tier', i % 5, 'tags', jsonb_build_array('a', 'b'),"
                        + " 'score', (i % 1000) / 10.0) AS attributes,"
                        + " CASE WHEN i % 2 = 0 THEN NULL ELSE 'note ' || i END AS note,"
                        + " (i % 1000) / 7.0::double precision AS score"
                        + " FROM generate_series(1, " + rows + ") AS i",
                "ALTER TABLE " + table() + " ADD PRIMARY KEY (id)",
                "VACUUM ANALYZE " + table());
    }

    @Override
    public Duration bulkExport() {
        Duration best = null;
        try (Connection connection = connect()) {
            for (int round = 0; round < EXPORT_ROUNDS; round++) {
                long start = System.nanoTime();
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY (SELECT * FROM " + table() + ") TO STDOUT", OutputStream.nullOutputStream());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                best = best == null || took.compareTo(best) < 0 ? took : best;
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("COPY of " + table() + " failed: " + e.getMessage(), e);
        }
        return best;
    }

    @Override
    public long changeOnePercent() {
        long changed = update("UPDATE " + table() + " SET name = name || ' (changed)', amount = amount + 1"
                + " WHERE id % 100 = 0");
        execute("VACUUM ANALYZE " + table());
        return changed;
    }

    @Override
    public long deleteOnePercent() {
        long deleted = update("DELETE FROM " + table() + " WHERE id % 100 = 50");
        execute("VACUUM ANALYZE " + table());
        return deleted;
    }

    @Override
    public String database() {
        return parsed.getProperty("PGDBNAME");
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public String stateSchema() {
        return STATE_SCHEMA;
    }

    @Override
    public Map<String, Object> profileTarget() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", "postgres");
        target.put("host", parsed.getProperty("PGHOST"));
        target.put("port", Integer.parseInt(parsed.getProperty("PGPORT", "5432")));
        target.put("user", parsed.getProperty("user"));
        if (parsed.getProperty("password") != null) {
            target.put("password", parsed.getProperty("password"));
        }
        target.put("dbname", database());
        target.put("schema", SCHEMA);
        target.put("threads", 1);
        return target;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "DROP SCHEMA IF EXISTS " + STATE_SCHEMA + " CASCADE");
    }

    private String table() {
        return SCHEMA + "." + TABLE;
    }

    private Connection connect() throws SQLException {
        return new Driver().connect(jdbcUrl, new Properties());
    }

    private void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }

    private long update(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }
}
