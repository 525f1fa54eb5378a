package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.config.SecretRedactor;
import dev.spoke.dbt.Relation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * One open warehouse (a PostgreSQL server or an in-process DuckDB database): its {@link Dialect}, a {@link Jdbi} for
 * statements and transactions, streaming reads that convert rows to JSON, and the columns of a relation. Opened by
 * {@link WarehouseConnector}; close it when the run ends.
 *
 * <p>Thread-safe. Every {@link Jdbi} handle and every {@link RowStream} gets its own connection, set up the same way
 * (time zone UTC, deterministic text forms), so state writes through {@link #jdbi()} can run while a stream is open,
 * on PostgreSQL and on DuckDB alike (DuckDB connections are duplicates of one in-process database instance).
 */
public final class Warehouse implements AutoCloseable {
    private static final int SQL_IN_HINT = 500;

    private final Adapter adapter;
    private final ConnectionSource connections;
    private final Jdbi jdbi;

    Warehouse(Adapter adapter, ConnectionSource connections) {
        this.adapter = requireNonNull(adapter, "adapter is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.jdbi = Jdbi.create(connections::open);
    }

    /** JDBI over this warehouse: each handle opens its own connection (auto-commit until a transaction begins). */
    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return adapter.dialect();
    }

    /** The dbt adapter type: {@code postgres} or {@code duckdb}. */
    public String adapterType() {
        return adapter.type();
    }

    /** Where this warehouse is, for messages: host, port, database and user, or the DuckDB file; never a secret. */
    public String description() {
        return connections.description();
    }

    /** {@link #stream(String, List, int)} without parameters. */
    public RowStream stream(String sql, int fetchSize) {
        return stream(sql, List.of(), fetchSize);
    }

    /**
     * Runs a query and streams its rows: at most about {@code fetchSize} rows are held in memory at a time. An error
     * in the query is thrown here or from {@link RowStream#next()}; a stream that ends has every row.
     *
     * @param parameters values for the query's {@code ?} placeholders, in order
     * @param fetchSize rows per round trip on PostgreSQL; DuckDB hands over chunks of 2048 rows
     */
    public RowStream stream(String sql, List<?> parameters, int fetchSize) {
        requireNonNull(sql, "sql is null");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be positive, got " + fetchSize);
        }
        Connection connection = connect();
        try {
            return switch (adapter) {
                case POSTGRES -> RowStreams.cursor(connection, sql, parameters, fetchSize);
                case DUCKDB -> RowStreams.spooled(connection, sql, parameters);
            };
        } catch (SQLException | RuntimeException e) {
            closeAfterFailure(connection, e);
            throw queryFailed(sql, e);
        }
    }

    /** The columns of a relation in table order; a missing relation is a runtime error saying to run dbt. */
    public List<WarehouseColumn> columns(Relation relation) {
        if (!exists(relation)) {
            throw SpokeException.runtime("relation " + relation + " does not exist in " + adapter.type()
                    + "; run `dbt run` to build it", "spoke looked in " + description()
                    + "; if dbt built the model with another target, pass the same --target to spoke", null);
        }
        String sql = dialect().selectNoRows(relation);
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet resultSet = statement.executeQuery()) {
            return WarehouseColumn.listOf(resultSet.getMetaData());
        } catch (SQLException e) {
            throw queryFailed(sql, e);
        }
    }

    /** Whether the relation exists as a table, view or materialized view that this connection can see. */
    public boolean exists(Relation relation) {
        boolean withDatabase = relation.database() != null && !relation.database().isEmpty();
        String sql = dialect().existsQuery(withDatabase);
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, relation.schema());
            statement.setString(2, relation.identifier());
            if (withDatabase) {
                statement.setString(3, relation.database());
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next();
            }
        } catch (SQLException e) {
            throw queryFailed(sql, e);
        }
    }

    /** Closes the warehouse; streams and handles still open keep working until they are closed. */
    @Override
    public void close() {
        connections.close();
    }

    private Connection connect() {
        try {
            return connections.open();
        } catch (SQLException e) {
            throw ConnectionFailures.of(adapter, description(), "", e);
        }
    }

    private SpokeException queryFailed(String sql, Exception cause) {
        if (cause instanceof SpokeException spoke) {
            return spoke;
        }
        String shownSql = sql.length() <= SQL_IN_HINT ? sql : sql.substring(0, SQL_IN_HINT) + " ...";
        return SpokeException.runtime("query on " + description() + " failed: "
                + SecretRedactor.global().redact(String.valueOf(cause.getMessage())), "the query was: " + shownSql,
                cause);
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
    }
}
