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

    private DuckDbValueConverters() {
    }

    static ValueConverter forColumn(String typeName, int jdbcType) {
        String type = typeName.toUpperCase(Locale.ROOT);
        if (type.endsWith("]") || type.startsWith("STRUCT") || type.startsWith("MAP") || type.startsWith("UNION")) {
            return OBJECT;
        }
        int parenthesis = type.indexOf('(');
        String base = parenthesis < 0 ? type : type.substring(0, parenthesis);
        return switch (base) {
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
}
