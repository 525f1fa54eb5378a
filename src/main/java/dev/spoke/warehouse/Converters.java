package dev.spoke.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** The value converters both adapters share; each returns JSON null for SQL NULL. */
final class Converters {
    static final ValueConverter TEXT = (rs, column) -> textOrNull(rs.getString(column));

    static final ValueConverter BOOLEAN = (rs, column) -> {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? NullNode.getInstance() : BooleanNode.valueOf(value);
    };

    static final ValueConverter INT = (rs, column) -> {
        int value = rs.getInt(column);
        return rs.wasNull() ? NullNode.getInstance() : IntNode.valueOf(value);
    };

    static final ValueConverter LONG = (rs, column) -> {
        long value = rs.getLong(column);
        return rs.wasNull() ? NullNode.getInstance() : LongNode.valueOf(value);
    };

    static final ValueConverter FLOAT = (rs, column) -> {
        float value = rs.getFloat(column);
        return rs.wasNull() ? NullNode.getInstance() : JsonValues.floating(value);
    };

    static final ValueConverter DOUBLE = (rs, column) -> {
        double value = rs.getDouble(column);
        return rs.wasNull() ? NullNode.getInstance() : JsonValues.floating(value);
    };

    static final ValueConverter DECIMAL = (rs, column) -> {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? NullNode.getInstance() : JsonValues.decimal(value);
    };

    /** json/jsonb: the parsed document, not a string. */
    static final ValueConverter JSON = (rs, column) -> {
        String json = rs.getString(column);
        return json == null ? NullNode.getInstance() : JsonValues.parse(json);
    };

    static final ValueConverter BYTES = (rs, column) -> {
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? NullNode.getInstance() : JsonValues.base64(bytes);
    };

    static final ValueConverter DATE = temporal(LocalDate.class, IsoTimes::date);
    static final ValueConverter TIME = temporal(LocalTime.class, IsoTimes::time);
    static final ValueConverter LOCAL_DATE_TIME = temporal(LocalDateTime.class, IsoTimes::localDateTime);
    static final ValueConverter INSTANT = temporal(OffsetDateTime.class, value -> IsoTimes.instant(value.toInstant()));

    private Converters() {
    }

    /** A java.time value read with {@code getObject(column, type)} and written as ISO-8601 text. */
    static <T> ValueConverter temporal(Class<T> type, Function<T, String> format) {
        return (rs, column) -> {
            T value = rs.getObject(column, type);
            return value == null ? NullNode.getInstance() : TextNode.valueOf(format.apply(value));
        };
    }

    static JsonNode textOrNull(String text) {
        return text == null ? NullNode.getInstance() : TextNode.valueOf(text);
    }
}
