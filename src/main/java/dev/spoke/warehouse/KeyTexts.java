package dev.spoke.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * The key types both adapters share: each reads the text form of a value ({@link Dialect#castToText} in a session set
 * up as {@link Warehouse} sets it up: UTC, shortest exact floats, hex bytea) into the JSON its {@link ValueConverter}
 * gives. Dates and times take the text forms of PostgreSQL ({@code 2024-01-31 13:45:00.5+00}, {@code 0044-03-15 BC})
 * and DuckDB ({@code 0044-03-15 (BC) 10:00:00}); years may have more than four digits.
 */
final class KeyTexts {
    private KeyTexts() {
    }

    static KeyType text(String typeName) {
        return new KeyType(typeName, KeyType.Form.TEXT, TextNode::valueOf);
    }

    static KeyType integer(String typeName) {
        return new KeyType(typeName, KeyType.Form.INTEGER, text -> IntNode.valueOf(Integer.parseInt(text)));
    }

    static KeyType longInteger(String typeName) {
        return new KeyType(typeName, KeyType.Form.INTEGER, text -> LongNode.valueOf(Long.parseLong(text)));
    }

    /** Integers beyond a long (DuckDB's UBIGINT, HUGEINT, ...): the smallest exact node, as the converter picks. */
    static KeyType bigInteger(String typeName) {
        return new KeyType(typeName, KeyType.Form.INTEGER, text -> JsonValues.integer(new BigInteger(text)));
    }

    /** Decimals with the scale of their text ({@code 10.50}); {@code NaN} and the infinities stay text. */
    static KeyType decimal(String typeName) {
        return new KeyType(typeName, KeyType.Form.DECIMAL,
                text -> isSpecial(text) ? TextNode.valueOf(text) : JsonValues.decimal(new BigDecimal(text)));
    }

    static KeyType doubleFloat(String typeName) {
        return new KeyType(typeName, KeyType.Form.FLOAT, text -> JsonValues.floating(parseDouble(text)));
    }

    static KeyType singleFloat(String typeName) {
        return new KeyType(typeName, KeyType.Form.FLOAT, text -> JsonValues.floating((float) parseDouble(text)));
    }

    static KeyType bool(String typeName) {
        return new KeyType(typeName, KeyType.Form.BOOLEAN, text -> switch (text) {
            case "true" -> BooleanNode.TRUE;
            case "false" -> BooleanNode.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        });
    }

    static KeyType json(String typeName) {
        return new KeyType(typeName, KeyType.Form.JSON, JsonValues::parse);
    }

    /** Dates; {@code infinity} and {@code -infinity} (PostgreSQL) stay text, as the converter keeps them. */
    static KeyType date(String typeName) {
        return new KeyType(typeName, KeyType.Form.DATE, specialOr(text -> IsoTimes.date(parseDate(text))));
    }

    static KeyType time(String typeName) {
        return new KeyType(typeName, KeyType.Form.TIME, text -> TextNode.valueOf(IsoTimes.time(LocalTime.parse(text))));
    }

    /** Times of day as PostgreSQL writes them, where {@code 24:00:00} is a time that stays text. */
    static KeyType postgresTime(String typeName) {
        return new KeyType(typeName, KeyType.Form.TIME, text -> TextNode.valueOf(text.startsWith("24:") ? text
                : IsoTimes.time(LocalTime.parse(text))));
    }

    static KeyType timeWithZone(String typeName) {
        return new KeyType(typeName, KeyType.Form.TIME_WITH_ZONE, text -> {
            int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
            return TextNode.valueOf(IsoTimes.time(OffsetTime.of(LocalTime.parse(text.substring(0, sign)),
                    ZoneOffset.of(text.substring(sign)))));
        });
    }

    static KeyType timestamp(String typeName) {
        return new KeyType(typeName, KeyType.Form.TIMESTAMP,
                specialOr(text -> IsoTimes.localDateTime(dateTime(text, false))));
    }

    /** Timestamps with time zone, written in UTC ({@code +00}) by a UTC session: the instant with {@code Z}. */
    static KeyType timestampWithZone(String typeName) {
        return new KeyType(typeName, KeyType.Form.TIMESTAMP_WITH_ZONE,
                specialOr(text -> IsoTimes.instant(dateTime(text, true).toInstant(ZoneOffset.UTC))));
    }

    /** PostgreSQL bytea in hex output ({@code \x0102ff}) as base64. */
    static KeyType hexBytes(String typeName) {
        return new KeyType(typeName, KeyType.Form.BINARY, text -> {
            if (!text.startsWith("\\x")) {
                throw new IllegalArgumentException("bytea text starts with \\x");
            }
            return JsonValues.base64(HexFormat.of().parseHex(text.substring(2)));
        });
    }

    /** DuckDB BLOB text (printable ASCII as is, every other byte and the backslash as {@code \xHH}) as base64. */
    static KeyType escapedBytes(String typeName) {
        return new KeyType(typeName, KeyType.Form.BINARY, text -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    if (i + 3 >= text.length() || text.charAt(i + 1) != 'x') {
                        throw new IllegalArgumentException("a backslash starts a \\xHH escape");
                    }
                    bytes.write(HexFormat.fromHexDigits(text, i + 2, i + 4));
                    i += 3;
                } else if (c < 0x80) {
                    bytes.write(c);
                } else {
                    throw new IllegalArgumentException("blob text is ASCII");
                }
            }
            return JsonValues.base64(bytes.toByteArray());
        });
    }

    private static boolean isSpecial(String text) {
        return switch (text) {
            case "NaN", "Infinity", "-Infinity", "infinity", "-infinity" -> true;
            default -> false;
        };
    }

    private static Function<String, JsonNode> specialOr(Function<String, String> format) {
        return text -> TextNode.valueOf(isSpecial(text) ? text : format.apply(text));
    }

    /** Java's form, and DuckDB's {@code nan}, {@code inf}, {@code -inf}. */
    private static double parseDouble(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** {@code 2024-01-31}, {@code 10000-01-01}, {@code 0044-03-15 BC} or {@code 0044-03-15 (BC)}. */
    private static LocalDate parseDate(String text) {
        boolean beforeChrist = text.endsWith(" BC") || text.endsWith(" (BC)");
        String date = beforeChrist ? text.substring(0, text.lastIndexOf(' ')) : text;
        int month = date.indexOf('-', 1);
        if (month < 0 || date.length() != month + 6 || date.charAt(month + 3) != '-') {
            throw new IllegalArgumentException("a date is year-mm-dd");
        }
        int year = Integer.parseInt(date.substring(0, month));
        return LocalDate.of(beforeChrist ? 1 - year : year, Integer.parseInt(date.substring(month + 1, month + 3)),
                Integer.parseInt(date.substring(month + 4)));
    }

    /**
     * A date, a space and a time of day, with an offset when {@code zoned} ({@code +00}, {@code +05:30}), and an era
     * where PostgreSQL ({@code ... BC} at the end) or DuckDB ({@code (BC)} after the date) writes it; as the UTC local
     * date-time when zoned.
     */
    private static LocalDateTime dateTime(String text, boolean zoned) {
        String rest = text;
        boolean beforeChrist = false;
        if (rest.endsWith(" BC")) {
            beforeChrist = true;
            rest = rest.substring(0, rest.length() - 3);
        }
        int space = rest.indexOf(' ');
        String date = rest.substring(0, space);
        String time = rest.substring(space + 1);
        if (time.startsWith("(BC) ")) {
            beforeChrist = true;
            time = time.substring(5);
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (zoned) {
            int sign = Math.max(time.lastIndexOf('+'), time.lastIndexOf('-'));
            offset = ZoneOffset.of(time.substring(sign));
            time = time.substring(0, sign);
        }
        LocalDateTime local = LocalDateTime.of(parseDate(beforeChrist ? date + " BC" : date), LocalTime.parse(time));
        return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
