package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.dbt.Relation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The SQL of one warehouse adapter: identifier and literal quoting (through Apache Calcite's {@link SqlDialect}), the
 * text, key, row-hash and shard expressions that change detection runs in the warehouse, and the few DDL words the
 * state store needs. Every name from a manifest goes through {@link #quoteIdentifier}; nothing here splices a raw
 * name into SQL.
 *
 * <p>The text forms ({@link #castToText}, and so keys and hashes) are deterministic for a given database as long as
 * the session is set up the way every {@link Warehouse} connection is (time zone UTC and, on PostgreSQL, ISO
 * intervals, shortest exact floats, hex bytea); see {@link #sessionSetup()}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public abstract sealed class Dialect permits PostgresDialect, DuckDbDialect {
    private static final SqlParserPos POS = SqlParserPos.ZERO;
    private static final String UNIT_SEPARATOR = "chr(31)";

    private final SqlDialect calcite;

    Dialect(SqlDialect calcite) {
        this.calcite = requireNonNull(calcite, "calcite is null");
    }

    public static Dialect postgres() {
        return PostgresDialect.INSTANCE;
    }

    public static Dialect duckdb() {
        return DuckDbDialect.INSTANCE;
    }

    /** The dialect of a dbt adapter type; an unsupported type is a configuration error. */
    public static Dialect forAdapter(String adapterType) {
        return Adapter.named(adapterType)
                .orElseThrow(() -> SpokeException.config("adapter type '" + adapterType + "' is not supported",
                        "spoke reads " + Adapter.supportedTypes()))
                .dialect();
    }

    /** The dbt adapter type: {@code postgres} or {@code duckdb}. */
    public abstract String adapterType();

    public SqlDialect calcite() {
        return calcite;
    }

    /** A quoted identifier: {@code order} gives {@code "order"}, {@code say "hi"} gives {@code "say ""hi"""}. */
    public String quoteIdentifier(String name) {
        return calcite.quoteIdentifier(checkName(name));
    }

    /** Quoted parts joined by dots, outermost first: {@code "db"."schema"."table"}. */
    public String quoteQualified(List<String> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a qualified name has at least one part");
        }
        return unparse(identifier(parts));
    }

    public String quoteRelation(Relation relation) {
        return quoteQualified(relation.parts());
    }

    /** A column reference, qualified by the table alias when one is given ({@code null}: unqualified). */
    public String quoteColumn(String tableAlias, String column) {
        return tableAlias == null ? quoteIdentifier(column) : quoteQualified(List.of(tableAlias, column));
    }

    /** A string literal: {@code it's} gives {@code 'it''s'}. */
    public String quoteLiteral(String text) {
        return calcite.quoteStringLiteral(requireNonNull(text, "text is null"));
    }

    /** {@code SELECT "a", "b c" FROM "db"."schema"."order"}, built as a Calcite tree and unparsed in this dialect. */
    public String selectColumns(Relation relation, List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("select at least one column of " + relation);
        }
        SqlNodeList selectList = new SqlNodeList(POS);
        columns.forEach(column -> selectList.add(identifier(List.of(column))));
        return unparse(select(selectList, relation));
    }

    /** {@code SELECT * FROM relation WHERE 1 = 0}: the relation's columns without reading a row. */
    String selectNoRows(Relation relation) {
        SqlNodeList selectList = SqlNodeList.of(SqlIdentifier.star(POS));
        return unparse(select(selectList, relation)) + " WHERE 1 = 0";
    }

    /**
     * A canonical, deterministic text form of any value of any column type in this database (NULL stays NULL).
     * Used for keys and hashes; not meant for display.
     */
    public abstract String castToText(String expression);

    /**
     * How the key text {@link #castToText} gives for a column of this type reads back as the JSON value the column's
     * values are streamed as (see {@link KeyType}).
     *
     * @param typeName the type name {@link WarehouseColumn#typeName()} reports
     */
    public abstract KeyType keyType(String typeName);

    /**
     * The row key as text: one column gives its text cast; several give their text casts joined by U+001F
     * ({@link dev.spoke.destination.RowKey#SEPARATOR}). NULL when any key column is NULL.
     */
    public String keyExpression(List<String> keyColumns, String tableAlias) {
        List<String> casts = textCasts(keyColumns, tableAlias, "key");
        if (casts.size() == 1) {
            return casts.get(0);
        }
        return "(" + String.join(" || " + UNIT_SEPARATOR + " || ", casts) + ")";
    }

    /**
     * A hash, as text, of the salt followed by an unambiguous encoding of the columns, so that
     * ({@code ab}, {@code c}) and ({@code a}, {@code bc}) hash differently and NULL differs from every text. Here each
     * column is encoded as {@code n} for NULL or {@code v<byte length>:<text>} for a value, and hashed with md5 (32
     * lower-case hex digits); a dialect may use a cheaper encoding and hash of its own (PostgreSQL does).
     */
    public String rowHashExpression(List<String> columns, String salt, String tableAlias) {
        StringBuilder input = new StringBuilder(quoteLiteral(requireNonNull(salt, "salt is null")));
        for (String text : textCasts(columns, tableAlias, "hash")) {
            input.append(" || COALESCE('v' || CAST(").append(byteLength(text)).append(" AS ").append(textType())
                    .append(") || ':' || ").append(text).append(", 'n')");
        }
        return "md5(" + input + ")";
    }

    /**
     * True for the keys of shard {@code index} of {@code count}: the first 8 hex digits of md5(key) as an unsigned
     * integer, modulo count. NULL keys (invalid rows) belong to shard 0, so exactly one worker reports them.
     * {@link #shardOf} computes the same bucket in Java.
     */
    public String shardPredicate(String keyExpression, int index, int count) {
        checkShard(index, count);
        return "COALESCE(" + md5Prefix32(requireNonNull(keyExpression, "keyExpression is null")) + " % " + count
                + ", 0) = " + index;
    }

    /** The shard of a key text, as {@link #shardPredicate} computes it in the warehouse; NULL goes to shard 0. */
    public static int shardOf(String keyText, int count) {
        checkShard(0, count);
        if (keyText == null) {
            return 0;
        }
        byte[] digest = md5(keyText.getBytes(StandardCharsets.UTF_8));
        long prefix = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                | (digest[3] & 0xFFL);
        return (int) (prefix % count);
    }

    /** The column type for unbounded text. */
    public abstract String textType();

    /** The column type for a timestamp with time zone. */
    public abstract String timestampType();

    /** The SQL expression of the current time (the transaction's start on PostgreSQL). */
    public String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }

    /** Whether {@code INSERT ... ON CONFLICT (...) DO UPDATE} works. */
    public abstract boolean supportsOnConflict();

    /** The byte length of a text expression. */
    abstract String byteLength(String textExpression);

    /** The first 8 hex digits of md5(text) as a non-negative integer. */
    abstract String md5Prefix32(String textExpression);

    /** Statements run on every new connection so that text forms are deterministic; may be several, joined. */
    abstract List<String> sessionSetup();

    /**
     * A query with parameters (schema, name[, database]) that returns a row when the relation exists as a table,
     * view or materialized view.
     */
    abstract String existsQuery(boolean withDatabase);

    private List<String> textCasts(List<String> columns, String tableAlias, String purpose) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a " + purpose + " expression needs at least one column");
        }
        List<String> casts = new ArrayList<>(columns.size());
        for (String column : columns) {
            casts.add(castToText(quoteColumn(tableAlias, column)));
        }
        return casts;
    }

    private SqlSelect select(SqlNodeList selectList, Relation relation) {
        return new SqlSelect(POS, null, selectList, identifier(relation.parts()), null, null, null, null, null, null,
                null, null, null);
    }

    private SqlIdentifier identifier(List<String> parts) {
        return new SqlIdentifier(parts.stream().map(Dialect::checkName).collect(Collectors.toList()), POS);
    }

    private String unparse(SqlNode node) {
        return node.toSqlString(config -> config.withDialect(calcite).withQuoteAllIdentifiers(true)
                .withClauseStartsLine(false).withIndentation(0)).getSql();
    }

    private static String checkName(String name) {
        requireNonNull(name, "identifier is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an identifier cannot be empty");
        }
        return name;
    }

    private static void checkShard(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not a shard: need 0 <= index < count");
        }
    }

    private static byte[] md5(byte[] input) {
        try {
            return MessageDigest.getInstance("MD5").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
