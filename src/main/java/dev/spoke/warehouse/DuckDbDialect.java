package dev.spoke.warehouse;

import java.util.List;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/**
 * DuckDB: Calcite's {@link DuckDBSqlDialect} (double-quoted identifiers), text casts with {@code CAST(x AS VARCHAR)}.
 * DuckDB matches identifiers case-insensitively even when quoted, so existence checks compare lower-cased names.
 */
final class DuckDbDialect extends Dialect {
    static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private DuckDbDialect() {
        super(DuckDBSqlDialect.DEFAULT);
    }

    @Override
    public String adapterType() {
        return "duckdb";
    }

    @Override
    public String castToText(String expression) {
        return "CAST(" + expression + " AS VARCHAR)";
    }

    @Override
    public KeyType keyType(String typeName) {
        return DuckDbValueConverters.keyType(typeName);
    }

    @Override
    public String textType() {
        return "VARCHAR";
    }

    @Override
    public String timestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }

    @Override
    public boolean supportsOnConflict() {
        return true;
    }

    @Override
    String byteLength(String textExpression) {
        return "strlen(" + textExpression + ")";
    }

    @Override
    String md5Prefix32(String textExpression) {
        return "CAST('0x' || substr(md5(" + textExpression + "), 1, 8) AS BIGINT)";
    }

    /** UTC so that TIMESTAMPTZ text does not depend on the machine's zone; SET is per connection in DuckDB. */
    @Override
    List<String> sessionSetup() {
        return List.of("SET TimeZone = 'UTC'");
    }

    @Override
    String existsQuery(boolean withDatabase) {
        return "SELECT 1 FROM information_schema.tables WHERE lower(table_schema) = lower(?)"
                + " AND lower(table_name) = lower(?)" + (withDatabase ? " AND lower(table_catalog) = lower(?)" : "");
    }
}
