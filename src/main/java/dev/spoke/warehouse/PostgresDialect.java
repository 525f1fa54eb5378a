package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/**
 * PostgreSQL: Calcite's {@link PostgresqlSqlDialect}, text casts with {@code CAST(x AS text)}, row hashes over the
 * text of a row value.
 */
final class PostgresDialect extends Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
        super(PostgresqlSqlDialect.DEFAULT);
    }

    @Override
    public String adapterType() {
        return "postgres";
    }

    @Override
    public String castToText(String expression) {
        return "CAST(" + expression + " AS text)";
    }

    /**
     * A 64-bit hash ({@code hashtextextended}, the function PostgreSQL's hash partitioning relies on, written as
     * decimal text) of the salt followed by the text of {@code ROW(column, ...)}. PostgreSQL writes a row value with
     * each column's output function, double-quotes a value that holds a comma, parenthesis, quote, backslash or white
     * space, or is empty (doubling the quotes and backslashes inside), and writes NULL as nothing: so, like the
     * length-prefixed form of the other dialects, adjacent values and NULL are told apart. Measured on 1M rows of ten
     * mixed columns: the row text costs 0.8 s, md5 over it another 0.8 s, hashtextextended 0.04 s; the hash is the
     * largest part of a no-change rerun. A false "unchanged" needs a 64-bit collision between a row's old and new
     * text: about one in 10^19 per changed row.
     */
    @Override
    public String rowHashExpression(List<String> columns, String salt, String tableAlias) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a hash expression needs at least one column");
        }
        List<String> references = columns.stream().map(column -> quoteColumn(tableAlias, column)).toList();
        return "CAST(hashtextextended(" + quoteLiteral(requireNonNull(salt, "salt is null")) + " || CAST(ROW("
                + String.join(", ", references) + ") AS text), 0) AS text)";
    }

    @Override
    public KeyType keyType(String typeName) {
        return PostgresValueConverters.keyType(typeName);
    }

    @Override
    public String textType() {
        return "text";
    }

    @Override
    public String timestampType() {
        return "timestamp with time zone";
    }

    @Override
    public boolean supportsOnConflict() {
        return true;
    }

    @Override
    String byteLength(String textExpression) {
        return "octet_length(" + textExpression + ")";
    }

    @Override
    String md5Prefix32(String textExpression) {
        return "CAST(CAST('x' || substr(md5(" + textExpression + "), 1, 8) AS bit(32)) AS bigint)";
    }

    /**
     * UTC so that timestamptz text is the same on every machine (pgjdbc sends the JVM's zone at startup, so this is
     * a SET, not a startup option); ISO-8601 intervals; shortest exact floats; hex bytea; literal backslashes.
     */
    @Override
    List<String> sessionSetup() {
        return List.of("SET TIME ZONE 'UTC'", "SET IntervalStyle TO 'iso_8601'", "SET extra_float_digits TO 3",
                "SET bytea_output TO 'hex'", "SET standard_conforming_strings TO on");
    }

    @Override
    String existsQuery(boolean withDatabase) {
        return "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                + (withDatabase ? " AND current_database() = ?" : "");
    }
}
