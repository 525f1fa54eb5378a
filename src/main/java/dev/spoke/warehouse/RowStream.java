package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.SpokeException;
import dev.spoke.config.SecretRedactor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The rows of one query, read one at a time without loading the result (see {@link RowStreams} for how each adapter
 * streams). Each column's value is converted to exact JSON by a converter chosen once from the result metadata. A
 * stream that ends is complete: a query that fails part way throws, it never just ends early.
 *
 * <p>Column indexes are 0-based, in the order of {@link #columns()}. Not thread-safe: one consumer reads it. It holds
 * its own connection (and, on PostgreSQL, an open read-only transaction) until {@link #close()}; close it promptly,
 * also when stopping early.
 */
public final class RowStream implements AutoCloseable {
    private final Connection connection;
    private final Statement statement;
    private final ResultSet resultSet;
    private final String adapterType;
    private final List<WarehouseColumn> columns;
    private final ValueConverter[] converters;
    private final JsonNode[] current;
    private final OptionalLong expectedRows;
    private long rowsRead;
    private boolean closed;

    /**
     * @param names the column names to report instead of the result's own, or {@code null}
     * @param expectedRows the number of rows the result must have, when the database told it beforehand
     */
    RowStream(Connection connection, Statement statement, ResultSet resultSet, Adapter adapter, List<String> names,
            OptionalLong expectedRows) throws SQLException {
        this.connection = requireNonNull(connection, "connection is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.resultSet = requireNonNull(resultSet, "resultSet is null");
        this.adapterType = adapter.type();
        this.columns = renamed(WarehouseColumn.listOf(resultSet.getMetaData()), names);
        this.expectedRows = requireNonNull(expectedRows, "expectedRows is null");
        this.converters = new ValueConverter[columns.size()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = adapter.converterFor(columns.get(i).typeName(), columns.get(i).jdbcType());
        }
        this.current = new JsonNode[columns.size()];
    }

    /** The result columns as the driver reports them. */
    public List<WarehouseColumn> columns() {
        return columns;
    }

    /** Moves to the next row; false at the end. */
    public boolean next() {
        Arrays.fill(current, null);
        try {
            boolean more = resultSet.next();
            if (more) {
                rowsRead++;
            } else if (expectedRows.isPresent() && expectedRows.getAsLong() != rowsRead) {
                throw SpokeException.runtime("the " + adapterType + " result ended after " + rowsRead + " of its "
                        + expectedRows.getAsLong() + " rows", "run spoke again; if it recurs, check the database's"
                        + " memory and disk (temp_directory)", null);
            }
            return more;
        } catch (SQLException e) {
            throw failure("reading row " + (rowsRead + 1) + " failed", e);
        }
    }

    /** How many rows {@link #next()} has moved to so far. */
    public long rowsRead() {
        return rowsRead;
    }

    /** The current row's value of a column as exact JSON; JSON null for SQL NULL. */
    public JsonNode json(int index) {
        checkIndex(index);
        if (current[index] == null) {
            try {
                current[index] = converters[index].read(resultSet, index + 1);
            } catch (SQLException | RuntimeException e) {
                throw failure("converting column " + columns.get(index).name() + " of type "
                        + columns.get(index).typeName() + " in row " + rowsRead + " to JSON failed", e);
            }
        }
        return current[index];
    }

    /** The current row's value of a column as the driver's string: for key and hash columns computed in SQL. */
    public String text(int index) {
        checkIndex(index);
        try {
            return resultSet.getString(index + 1);
        } catch (SQLException e) {
            throw failure("reading column " + columns.get(index).name() + " of row " + rowsRead + " failed", e);
        }
    }

    public boolean isNull(int index) {
        return json(index).isNull();
    }

    /** Releases the cursor, the transaction and the connection; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        closeQuietly(resultSet, failures);
        closeQuietly(statement, failures);
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            failures.add(e);
        }
        closeQuietly(connection, failures);
        if (!failures.isEmpty()) {
            throw failure("closing the stream failed", failures.get(0));
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= columns.size()) {
            throw new IndexOutOfBoundsException("column index " + index + " of " + columns.size() + " columns");
        }
    }

    private SpokeException failure(String what, Exception cause) {
        return SpokeException.runtime(what + " on " + adapterType + ": "
                + SecretRedactor.global().redact(String.valueOf(cause.getMessage())),
                "check that the warehouse is reachable and the relation unchanged, then run spoke again", cause);
    }

    private static List<WarehouseColumn> renamed(List<WarehouseColumn> columns, List<String> names) {
        if (names == null) {
            return columns;
        }
        if (names.size() != columns.size()) {
            throw new IllegalStateException(names.size() + " names for " + columns.size() + " columns");
        }
        List<WarehouseColumn> renamed = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            WarehouseColumn column = columns.get(i);
            renamed.add(new WarehouseColumn(names.get(i), column.typeName(), column.jdbcType()));
        }
        return List.copyOf(renamed);
    }

    private static void closeQuietly(AutoCloseable closeable, List<Exception> failures) {
        try {
            closeable.close();
        } catch (Exception e) {
            failures.add(e);
        }
    }
}
