package dev.spoke.warehouse;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.OffsetTime;
import java.util.Set;

/**
 * Chooses the converter of a PostgreSQL result column from pgjdbc's type name ({@code int4}, {@code numeric},
 * {@code timestamptz}, {@code _int4} for arrays, ...). Types without a JSON counterpart (uuid, interval, text,
 * varchar, enums, inet, money, ...) are their PostgreSQL text, as the session set up by {@link Warehouse} prints
 * it (intervals in ISO-8601).
 */
final class PostgresValueConverters {
    /** numeric, date and timestamp values that no Java type holds: kept as text. */
    private static final Set<String> SPECIAL_VALUES = Set.of("NaN", "Infinity", "-Infinity", "infinity", "-infinity");

    private static final ValueConverter NUMERIC = (rs, column) -> {
        String text = rs.getString(column);
        if (text == null) {
            return NullNode.getInstance();
        }
        return SPECIAL_VALUES.contains(text) ? TextNode.valueOf(text) : JsonValues.decimal(new BigDecimal(text));
    };

    /** PostgreSQL accepts 24:00:00 as a time, which LocalTime cannot hold. */
    private static final ValueConverter TIME = (rs, column) -> {
        String text = rs.getString(column);
        if (text == null || text.startsWith("24:")) {
            return Converters.textOrNull(text);
        }
        return Converters.TIME.read(rs, column);
    };

    private static final ValueConverter TIME_WITH_ZONE = Converters.temporal(OffsetTime.class, IsoTimes::time);

    private PostgresValueConverters() {
    }

    static ValueConverter forColumn(String typeName, int jdbcType) {
        if (jdbcType == Types.ARRAY && typeName.startsWith("_")) {
            return new PostgresArrayConverter(forColumn(typeName.substring(1), Types.OTHER));
        }
        return switch (typeName) {
            case "int2", "int4" -> Converters.INT;
            case "int8", "oid" -> Converters.LONG;
            case "numeric" -> NUMERIC;
            case "float4" -> Converters.FLOAT;
            case "float8" -> Converters.DOUBLE;
            case "bool" -> Converters.BOOLEAN;
            case "date" -> withSpecialValues(Converters.DATE);
            case "time" -> TIME;
            case "timetz" -> TIME_WITH_ZONE;
            case "timestamp" -> withSpecialValues(Converters.LOCAL_DATE_TIME);
            case "timestamptz" -> withSpecialValues(Converters.INSTANT);
            case "json", "jsonb" -> Converters.JSON;
            case "bytea" -> Converters.BYTES;
            default -> Converters.TEXT;
        };
    }

    /**
     * The key type of a column, read from the text {@code CAST(x AS text)} gives, beside {@link #forColumn} so the two
     * stay in step: every type reads back as the JSON its converter gives. Arrays have no key form of their own and
     * travel as their text.
     */
    static KeyType keyType(String typeName) {
        return switch (typeName) {
            case "int2", "int4" -> KeyTexts.integer(typeName);
            case "int8", "oid" -> KeyTexts.longInteger(typeName);
            case "numeric" -> KeyTexts.decimal(typeName);
            case "float4" -> KeyTexts.singleFloat(typeName);
            case "float8" -> KeyTexts.doubleFloat(typeName);
            case "bool" -> KeyTexts.bool(typeName);
            case "date" -> KeyTexts.date(typeName);
            case "time" -> KeyTexts.postgresTime(typeName);
            case "timetz" -> KeyTexts.timeWithZone(typeName);
            case "timestamp" -> KeyTexts.timestamp(typeName);
            case "timestamptz" -> KeyTexts.timestampWithZone(typeName);
            case "json", "jsonb" -> KeyTexts.json(typeName);
            case "bytea" -> KeyTexts.hexBytes(typeName);
            default -> KeyTexts.text(typeName);
        };
    }

    /** Dates and timestamps can be {@code infinity} or {@code -infinity}: kept as that text. */
    private static ValueConverter withSpecialValues(ValueConverter converter) {
        return (rs, column) -> {
            String text = rs.getString(column);
            if (text == null) {
                return NullNode.getInstance();
            }
            return SPECIAL_VALUES.contains(text) ? TextNode.valueOf(text) : converter.read(rs, column);
        };
    }
}
