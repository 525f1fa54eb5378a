package dev.spoke.it.support;

import dev.spoke.dbt.Relation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A warehouse an integration test builds models in and reads spoke's state from: a schema of the PostgreSQL test
 * server, or a DuckDB file. Statements run on a connection of their own, closed after use, so spoke (in process or
 * as a CLI subprocess) finds the database free.
 */
public interface TestWarehouse {
    /** dbt's adapter type: {@code postgres} or {@code duckdb}. */
    String adapterType();

    /** A table of the test's schema, with the database name dbt would give it. */
    Relation relation(String table);

    /** The relation quoted for SQL. */
    String quoted(Relation relation);

    /** A quoted identifier. */
    String quoted(String identifier);

    /** Runs statements in order, in auto-commit. */
    void execute(String... statements);

    /** The rows of a query, column label to value (JDBC objects). */
    List<Map<String, Object>> query(String sql);

    /** The first column of the first row as a long. */
    default long count(String sql) {
        return ((Number) query(sql).get(0).values().iterator().next()).longValue();
    }

    /** The state schema spoke.yml names by default: one this test may drop (PostgreSQL: the test's own schema). */
    String defaultStateSchema();

    /** Whether a schema exists (spoke's state schema, for instance). */
    boolean schemaExists(String schema);

    /** Whether a table exists. */
    boolean tableExists(String schema, String table);

    /** The profiles.yml output fields of this warehouse (type, host, path, schema, ...), as dbt reads them. */
    Map<String, Object> profileOutput(Path projectDir);

    /** SQL types and functions that differ between the adapters. */
    Sql sql();

    /** The spellings a test needs that differ between PostgreSQL and DuckDB. */
    interface Sql {
        /** A FROM-clause item yielding integers 1..n in a column {@code i}. */
        String series(long n);

        /** The type of a JSON column. */
        String json();

        /** The type of a binary JSON column (jsonb on PostgreSQL; plain JSON on DuckDB, which has no other). */
        String jsonb();

        /** The type of a text array column. */
        String textArray();

        /** The type of an integer array column. */
        String intArray();

        /** An array literal from element expressions. */
        String array(String... elements);

        /** {@code timestamptz} */
        String timestamptz();

        /** An interval of {@code expression} seconds, or milliseconds. */
        String seconds(String expression);

        String milliseconds(String expression);
    }
}
