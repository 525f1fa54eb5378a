package dev.spoke.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How each adapter streams a query on a dedicated connection.
 *
 * <p>PostgreSQL: a server-side cursor (auto-commit off, read-only transaction, {@code fetchSize} rows per round
 * trip); a failure part way surfaces from the fetch that meets it.
 *
 * <p>DuckDB: the query is first spooled into a temporary table of the stream's own connection, counted, then
 * streamed from that table in chunks. The DuckDB JDBC driver (1.4) ends a streaming result that fails part way
 * exactly like a complete one, without an error; spooling makes every query error surface before the first row,
 * and the count catches a scan that ends early. The spool lives in DuckDB's buffer manager, which keeps it under
 * DuckDB's memory limit by writing to its temp directory; it is dropped with the connection when the stream closes.
 *
 * <p>Why not stream the query itself and catch a failure another way: a failure does abort the stream's transaction
 * (auto-commit off), so a probe statement at the end tells a failed result from a complete one. But the change-set
 * query reads the snapshot table that the state store commits to while the stream is open, and a commit's automatic
 * checkpoint then waits for the stream's lock on that table while the stream waits for the commits (its batches
 * cannot leave until they are committed): a deadlock (duckdb/duckdb#14303) that hung 2 of 3 full syncs of 1M rows
 * in the benchmark. The spool releases every table the query read before the first row is handed out. What it costs
 * (benchmark, 1M rows, full sync to the receiver): 31 s with the spool, 25 to 33 s streamed with automatic
 * checkpoints turned off, peak RSS 905 MB against 1,050 MB: no clear cost, so it stays.
 */
final class RowStreams {
    private static final String SPOOL = "spoke_stream_spool";

    private RowStreams() {
    }

    static RowStream cursor(Connection connection, String sql, List<?> parameters, int fetchSize)
            throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(fetchSize);
        bind(statement, parameters);
        return new RowStream(connection, statement, statement.executeQuery(), Adapter.POSTGRES, null,
                OptionalLong.empty());
    }

    static RowStream spooled(Connection connection, String sql, List<?> parameters) throws SQLException {
        Dialect dialect = Adapter.DUCKDB.dialect();
        String spool = dialect.quoteIdentifier(SPOOL);
        List<String> names;
        try (PreparedStatement spooling = connection.prepareStatement("CREATE TEMP TABLE " + spool + " AS "
                + withoutTrailingSemicolon(sql))) {
            bind(spooling, parameters);
            spooling.executeUpdate();
        }
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            // the spool renames duplicate column names (a, a_1); report the query's own
            names = labels(query.getMetaData());
        }
        long rows;
        try (PreparedStatement counting = connection.prepareStatement("SELECT count(*) FROM " + spool);
                ResultSet count = counting.executeQuery()) {
            count.next();
            rows = count.getLong(1);
        }
        PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + spool);
        return new RowStream(connection, statement, statement.executeQuery(), Adapter.DUCKDB, names,
                OptionalLong.of(rows));
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static List<String> labels(ResultSetMetaData metaData) throws SQLException {
        List<String> labels = new ArrayList<>(metaData.getColumnCount());
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            labels.add(metaData.getColumnLabel(i));
        }
        return labels;
    }

    private static String withoutTrailingSemicolon(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
