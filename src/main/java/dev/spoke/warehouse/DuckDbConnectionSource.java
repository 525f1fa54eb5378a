package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * One in-process DuckDB database, opened once; every {@link #open()} is a {@link DuckDBConnection#duplicate()} of
 * the first connection, so that all connections (streams, state transactions) share one database instance, which
 * also makes {@code :memory:} work across connections. DuckDB runs them concurrently with MVCC; writes that touch the
 * same rows from two connections fail with a transaction conflict. Another process cannot open the file while this
 * one is open read-write.
 */
final class DuckDbConnectionSource implements ConnectionSource {
    private final DuckDBConnection database;
    private final List<String> sessionSql;
    private final String description;

    DuckDbConnectionSource(DuckDBConnection database, List<String> sessionSql, String description) {
        this.database = requireNonNull(database, "database is null");
        this.sessionSql = List.copyOf(sessionSql);
        this.description = requireNonNull(description, "description is null");
    }

    @Override
    public Connection open() throws SQLException {
        return ConnectionSource.prepare(database.duplicate(), sessionSql);
    }

    @Override
    public String description() {
        return description;
    }

    /** Closes the first connection; the database closes when the last duplicate is closed too. */
    @Override
    public void close() {
        try {
            database.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing DuckDB " + description + " failed: " + e.getMessage(), e);
        }
    }
}
