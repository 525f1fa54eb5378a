package dev.spoke.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Opens the connections of one warehouse, each with its session set up (time zone, text formats, role), so that
 * every connection computes the same text for the same value. Thread-safe.
 */
interface ConnectionSource extends AutoCloseable {
    /** A new connection in auto-commit mode; the caller closes it. */
    Connection open() throws SQLException;

    /** What the connections go to, for messages: never a password. */
    String description();

    @Override
    void close();

    /** Runs the session statements on a new connection, in one round trip, closing it if they fail. */
    static Connection prepare(Connection connection, List<String> sessionSql) throws SQLException {
        if (sessionSql.isEmpty()) {
            return connection;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.join("; ", sessionSql));
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
