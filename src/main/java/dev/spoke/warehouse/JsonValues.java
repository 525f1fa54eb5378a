package dev.spoke.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * The JSON form of warehouse values. Decimals stay exact and keep their scale ({@code 10.50} stays {@code 10.50},
 * written without exponent); JSON read from json/jsonb columns keeps its decimals exact too. Floats that JSON cannot
 * hold (NaN, Infinity) become strings; binary becomes base64.
 */
public final class JsonValues {
    private static final ObjectMapper MAPPER = newMapper();

    private JsonValues() {
    }

    /**
     * A new mapper configured like the one that parses warehouse JSON: big decimals for JSON floats, trailing zeros
     * kept, decimals written plain. Whoever writes rows to a destination should write them with such a mapper.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    /** The compact JSON text of a node, decimals plain. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Parses JSON text from a json/jsonb column; the database has validated it. */
    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the warehouse returned invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode decimal(BigDecimal value) {
        return DecimalNode.valueOf(value);
    }

    /** The smallest exact node for an integral number (int, long or big integer). */
    static JsonNode integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return IntNode.valueOf(value.intValue());
        }
        return value.bitLength() < 64 ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
    }

    static JsonNode floating(double value) {
        return Double.isFinite(value) ? DoubleNode.valueOf(value) : TextNode.valueOf(nonFinite(value));
    }

    static JsonNode floating(float value) {
        return Float.isFinite(value) ? FloatNode.valueOf(value) : TextNode.valueOf(nonFinite(value));
    }

    static JsonNode base64(byte[] bytes) {
        return TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
    }

    private static String nonFinite(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value > 0 ? "Infinity" : "-Infinity";
    }
}
