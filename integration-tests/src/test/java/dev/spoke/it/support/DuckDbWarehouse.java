package dev.spoke.it.support;

import static java.util.Objects.requireNonNull;

import dev.spoke.dbt.Relation;
import dev.spoke.warehouse.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DuckDB database file as a {@link TestWarehouse}, in the schema {@code main} of the database dbt-duckdb names
 * after the file's stem. Every call opens and closes its own connection, so a spoke subprocess can open the file
 * between calls.
 */
public final class DuckDbWarehouse implements TestWarehouse {
    private static final Sql SQL = new Sql() {
        @Override
        public String series(long n) {
            return "generate_series(1, " + n + ") AS g(i)";
        }

        @Override
        public String json() {
            return "JSON";
        }

        @Override
        public String jsonb() {
            return "JSON";
        }

        @Override
        public String textArray() {
            return "VARCHAR[]";
        }

        @Override
        public String intArray() {
            return "INTEGER[]";
        }

        @Override
        public String array(String... elements) {
            return "[" + String.join(", ", elements) + "]";
        }

        @Override
        public String timestamptz() {
            return "TIMESTAMPTZ";
        }

        @Override
        public String seconds(String expression) {
            return "to_seconds(CAST(" + expression + " AS BIGINT))";
        }

        @Override
        public String milliseconds(String expression) {
            return "to_milliseconds(CAST(" + expression + " AS BIGINT))";
        }
    };

    private final Path file;

    /** A database at {@code file}, created empty when it does not exist. */
    public DuckDbWarehouse(Path file) {
        this.file = requireNonNull(file, "file is null").toAbsolutePath();
        execute("SELECT 1");
    }

    public Path file() {
        return file;
    }

    /** The database name dbt-duckdb uses in relation names: the file's stem. */
    public String database() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    @Override
    public String adapterType() {
        return "duckdb";
    }

    @Override
    public Relation relation(String table) {
        return new Relation(database(), "main", table);
    }

    @Override
    public String quoted(Relation relation) {
        return quoted(relation.schema()) + "." + quoted(relation.identifier());
    }

    @Override
    public String quoted(String identifier) {
        return Dialect.duckdb().quoteIdentifier(identifier);
    }

    @Override
    public void execute(String... statements) {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Map<String, Object>> query(String sql) {
        try (Connection connection = open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return PostgresWarehouse.rows(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String defaultStateSchema() {
        return "spoke";
    }

    @Override
    public boolean schemaExists(String schema) {
        return count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + schema + "'") > 0;
    }

    @Override
    public boolean tableExists(String schema, String table) {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "'") > 0;
    }

    @Override
    public Map<String, Object> profileOutput(Path projectDir) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("type", "duckdb");
        output.put("path", file.toString());
        output.put("schema", "main");
        output.put("threads", 1);
        return output;
    }

    @Override
    public Sql sql() {
        return SQL;
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file);
    }
}
