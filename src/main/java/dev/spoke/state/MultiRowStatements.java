package dev.spoke.state;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes many rows with few statements: one multi-row {@code VALUES} (or {@code IN}) statement per chunk of rows,
 * with bound parameters. State writes are bulk, never a statement per row, so committing a 1,000-row batch costs a
 * round trip or two.
 */
final class MultiRowStatements {
    /** Rows per statement: well under PostgreSQL's 65,535 bound parameters for any state table. */
    static final int ROWS_PER_STATEMENT = 1000;

    private MultiRowStatements() {
    }

    /**
     * Executes {@code prefix + tuples + suffix} for each chunk of rows.
     *
     * @param tuple the SQL of one row's tuple, e.g. {@code (?, ?, CURRENT_TIMESTAMP)}
     * @param values the bound values of one row, in the order of the tuple's parameters
     * @return rows affected
     */
    static <T> int execute(Handle handle, String prefix, String tuple, String separator, String suffix, List<T> rows,
            Function<T, List<?>> values) {
        int affected = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String sql = prefix + String.join(separator, Collections.nCopies(chunk.size(), tuple)) + suffix;
            Update update = handle.createUpdate(sql);
            int position = 0;
            for (T row : chunk) {
                for (Object value : values.apply(row)) {
                    if (value == null) {
                        update.bindNull(position++, Types.VARCHAR);
                    } else {
                        update.bind(position++, value);
                    }
                }
            }
            affected += update.execute();
        }
        return affected;
    }

    /** Splits a list into chunks of at most {@link #ROWS_PER_STATEMENT}. */
    static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
        return chunks;
    }
}
