package dev.spoke.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBStruct;

/**
 * The JSON of a value that the driver hands over as a Java object, used for DuckDB's nested types, whose elements
 * carry no column metadata: lists and arrays become JSON arrays, structs and maps JSON objects (map keys as text),
 * numbers stay exact, times ISO-8601, binary base64.
 *
 * <p>A TIMESTAMP (without time zone) inside a nested value arrives as a {@link Timestamp}, which the driver builds
 * in the JVM's default zone; a wall-clock time that falls in a daylight-saving gap of that zone is shifted by the
 * driver before spoke sees it. Run spoke with {@code -Duser.timezone=UTC} to rule that out.
 */
final class NestedValues {
    private NestedValues() {
    }

    static JsonNode toJson(Object value) throws SQLException {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Array array) {
            return array((Object[]) array.getArray());
        }
        if (value instanceof DuckDBStruct struct) {
            return object(struct.getMap());
        }
        if (value instanceof Map<?, ?> map) {
            return object(map);
        }
        if (value instanceof Blob blob) {
            return JsonValues.base64(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof byte[] bytes) {
            return JsonValues.base64(bytes);
        }
        if (value instanceof org.duckdb.JsonNode json) {
            return JsonValues.parse(json.toString());
        }
        return TextNode.valueOf(temporalOrText(value));
    }

    private static JsonNode number(Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return IntNode.valueOf(number.intValue());
        }
        if (number instanceof Long) {
            return LongNode.valueOf(number.longValue());
        }
        if (number instanceof BigInteger integer) {
            return JsonValues.integer(integer);
        }
        if (number instanceof BigDecimal decimal) {
            return JsonValues.decimal(decimal);
        }
        if (number instanceof Float single) {
            return JsonValues.floating(single);
        }
        return JsonValues.floating(number.doubleValue());
    }

    private static String temporalOrText(Object value) {
        if (value instanceof LocalDate date) {
            return IsoTimes.date(date);
        }
        if (value instanceof LocalTime time) {
            return IsoTimes.time(time);
        }
        if (value instanceof OffsetTime time) {
            return IsoTimes.time(time);
        }
        if (value instanceof LocalDateTime dateTime) {
            return IsoTimes.localDateTime(dateTime);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return IsoTimes.instant(dateTime.toInstant());
        }
        if (value instanceof Timestamp timestamp) {
            return IsoTimes.localDateTime(timestamp.toLocalDateTime());
        }
        if (value instanceof java.sql.Date date) {
            return IsoTimes.date(date.toLocalDate());
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value.toString();
    }

    private static ArrayNode array(Object[] elements) throws SQLException {
        ArrayNode node = JsonNodeFactory.instance.arrayNode(elements.length);
        for (Object element : elements) {
            node.add(toJson(element));
        }
        return node;
    }

    private static ObjectNode object(Map<?, ?> entries) throws SQLException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            node.set(keyText(entry.getKey()), toJson(entry.getValue()));
        }
        return node;
    }

    private static String keyText(Object key) throws SQLException {
        JsonNode json = toJson(key);
        return json.isValueNode() ? json.asText() : JsonValues.write(json);
    }
}
