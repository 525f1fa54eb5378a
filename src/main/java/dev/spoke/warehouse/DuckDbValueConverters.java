package dev.spoke.warehouse;

import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Chooses the converter of a DuckDB result column from its type name ({@code INTEGER}, {@code DECIMAL(10,2)},
 * {@code TIMESTAMP WITH TIME ZONE}, {@code INTEGER[]}, {@code STRUCT(...)}, {@code MAP(...)}, ...). Nested values
 * (LIST, ARRAY, STRUCT, MAP, UNION) become JSON arrays and objects through {@link NestedValues}; types without a
 * JSON counterpart (UUID, INTERVAL, ENUM, BIT, VARCHAR, ...) are DuckDB's text.
 */
final class DuckDbValueConverters {
    /** UBIGINT, HUGEINT, UHUGEINT and VARINT exceed a long: read exactly through their text. */
    private static final ValueConverter BIG_INTEGER = (rs, column) -> {
        String text = rs.getString(column);
        return text == null ? NullNode.getInstance() : JsonValues.integer(new BigInteger(text));
    };

    /** Nested types, and times, which this driver returns as java.time objects only through plain getObject. */
    private static final ValueConverter OBJECT = (rs, column) -> NestedValues.toJson(rs.getObject(column));

    /** The base type of LIST, ARRAY, STRUCT, MAP and UNION types. */
    private static final String NESTED = "(nested)";

    private DuckDbValueConverters() {
    }

    static ValueConverter forColumn(String typeName, int jdbcType) {
        return switch (baseType(typeName)) {
            case NESTED -> OBJECT;
            case "BOOLEAN" -> Converters.BOOLEAN;
            case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> Converters.INT;
            case "BIGINT", "UINTEGER" -> Converters.LONG;
            case "UBIGINT", "HUGEINT", "UHUGEINT", "VARINT", "BIGNUM" -> BIG_INTEGER;
            case "DECIMAL" -> Converters.DECIMAL;
            case "FLOAT" -> Converters.FLOAT;
            case "DOUBLE" -> Converters.DOUBLE;
            case "DATE" -> Converters.DATE;
            case "TIME", "TIME WITH TIME ZONE" -> OBJECT;
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> Converters.LOCAL_DATE_TIME;
            case "TIMESTAMP WITH TIME ZONE" -> Converters.INSTANT;
            case "JSON" -> Converters.JSON;
            case "BLOB" -> Converters.BYTES;
            default -> Converters.TEXT;
        };
    }

    /**
     * The key type of a column, read from the text {@code CAST(x AS VARCHAR)} gives, beside {@link #forColumn} so the
     * two stay in step: every type reads back as the JSON its converter gives. Nested types have no key form of their
     * own and travel as their text.
     */
    static KeyType keyType(String typeName) {
        return switch (baseType(typeName)) {
            case "BOOLEAN" -> KeyTexts.bool(typeName);
            case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> KeyTexts.integer(typeName);
            case "BIGINT", "UINTEGER" -> KeyTexts.longInteger(typeName);
            case "UBIGINT", "HUGEINT", "UHUGEINT", "VARINT", "BIGNUM" -> KeyTexts.bigInteger(typeName);
            case "DECIMAL" -> KeyTexts.decimal(typeName);
            case "FLOAT" -> KeyTexts.singleFloat(typeName);
            case "DOUBLE" -> KeyTexts.doubleFloat(typeName);
            case "DATE" -> KeyTexts.date(typeName);
            case "TIME" -> KeyTexts.time(typeName);
            case "TIME WITH TIME ZONE" -> KeyTexts.timeWithZone(typeName);
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> KeyTexts.timestamp(typeName);
            case "TIMESTAMP WITH TIME ZONE" -> KeyTexts.timestampWithZone(typeName);
            case "JSON" -> KeyTexts.json(typeName);
            case "BLOB" -> KeyTexts.escapedBytes(typeName);
            default -> KeyTexts.text(typeName);
        };
    }

    /** The type name without its parameters ({@code DECIMAL} for {@code DECIMAL(10,2)}), or {@link #NESTED}. */
    private static String baseType(String typeName) {
        String type = typeName.toUpperCase(Locale.ROOT);
        if (type.endsWith("]") || type.startsWith("STRUCT") || type.startsWith("MAP") || type.startsWith("UNION")) {
            return NESTED;
        }
        int parenthesis = type.indexOf('(');
        return parenthesis < 0 ? type : type.substring(0, parenthesis);
    }
}
