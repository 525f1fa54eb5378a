package dev.spoke.it.support;

import static java.util.Objects.requireNonNull;

import dev.spoke.dbt.Relation;
import dev.spoke.warehouse.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.Driver;

/** The schema of one test class on the PostgreSQL test server ({@link PostgresSchema}) as a {@link TestWarehouse}. */
public final class PostgresWarehouse implements TestWarehouse {
    private static final Sql SQL = new Sql() {
        @Override
        public String series(long n) {
            return "generate_series(1, " + n + ") AS g(i)";
        }

        @Override
        public String json() {
            return "json";
        }

        @Override
        public String jsonb() {
            return "jsonb";
        }

        @Override
        public String textArray() {
            return "text[]";
        }

        @Override
        public String intArray() {
            return "integer[]";
        }

        @Override
        public String array(String... elements) {
            return "ARRAY[" + String.join(", ", elements) + "]";
        }

        @Override
        public String timestamptz() {
            return "timestamptz";
        }

        @Override
        public String seconds(String expression) {
            return "(" + expression + ") * interval '1 second'";
        }

        @Override
        public String milliseconds(String expression) {
            return "(" + expression + ") * interval '1 millisecond'";
        }
    };

    private final PostgresSchema schema;

    public PostgresWarehouse(PostgresSchema schema) {
        this.schema = requireNonNull(schema, "schema is null");
    }

    public PostgresSchema schema() {
        return schema;
    }

    @Override
    public String adapterType() {
        return "postgres";
    }

    @Override
    public Relation relation(String table) {
        return new Relation(database(), schema.name(), table);
    }

    /** The server's database, as dbt-postgres names it in relations ({@code dbname} of the profile). */
    public String database() {
        return String.valueOf(schema.server().profileTarget(schema.name()).fields().get("dbname"));
    }

    @Override
    public String quoted(Relation relation) {
        return Dialect.postgres().quoteIdentifier(relation.schema()) + "."
                + Dialect.postgres().quoteIdentifier(relation.identifier());
    }

    @Override
    public String quoted(String identifier) {
        return Dialect.postgres().quoteIdentifier(identifier);
    }

    @Override
    public void execute(String... statements) {
        schema.server().execute(statements);
    }

    @Override
    public List<Map<String, Object>> query(String sql) {
        try (Connection connection = new Driver().connect(schema.server().jdbcUrl(), schema.server().properties());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String defaultStateSchema() {
        return schema.name();
    }

    @Override
    public boolean schemaExists(String name) {
        return count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'") > 0;
    }

    @Override
    public boolean tableExists(String schemaName, String table) {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schemaName
                + "' AND table_name = '" + table + "'") > 0;
    }

    @Override
    public Map<String, Object> profileOutput(Path projectDir) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("type", "postgres");
        output.putAll(schema.server().profileTarget(schema.name()).fields());
        output.put("threads", 1);
        return output;
    }

    @Override
    public Sql sql() {
        return SQL;
    }

    static List<Map<String, Object>> rows(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rows.getObject(i));
            }
            result.add(row);
        }
        return result;
    }
}
