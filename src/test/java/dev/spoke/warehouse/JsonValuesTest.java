package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
    @Test
    void decimalsKeepTheirScaleAndAreWrittenPlain() {
        assertThat(JsonValues.write(JsonValues.decimal(new BigDecimal("10.50")))).isEqualTo("10.50");
        assertThat(JsonValues.write(JsonValues.decimal(new BigDecimal("1E+3")))).isEqualTo("1000");
        assertThat(JsonValues.write(JsonValues.decimal(new BigDecimal("12345678901234567890123456789.123456789"))))
                .isEqualTo("12345678901234567890123456789.123456789");
    }

    @Test
    void parsedJsonKeepsDecimalsExact() {
        JsonNode parsed = JsonValues.parse("{\"price\": 2.50, \"big\": 123456789012345678901234567890, \"f\": 0.1}");
        assertThat(JsonValues.write(parsed)).isEqualTo("{\"price\":2.50,\"big\":123456789012345678901234567890,\"f\":0.1}");
        assertThat(parsed.get("price").decimalValue()).isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void integersUseTheSmallestExactNode() {
        assertThat(JsonValues.integer(BigInteger.valueOf(42)).isInt()).isTrue();
        assertThat(JsonValues.integer(BigInteger.valueOf(Long.MAX_VALUE)).isLong()).isTrue();
        JsonNode huge = JsonValues.integer(new BigInteger("170141183460469231731687303715884105727"));
        assertThat(huge.isBigInteger()).isTrue();
        assertThat(JsonValues.write(huge)).isEqualTo("170141183460469231731687303715884105727");
    }

    @Test
    void nonFiniteFloatsBecomeStrings() {
        assertThat(JsonValues.floating(Double.NaN).textValue()).isEqualTo("NaN");
        assertThat(JsonValues.floating(Double.POSITIVE_INFINITY).textValue()).isEqualTo("Infinity");
        assertThat(JsonValues.floating(Float.NEGATIVE_INFINITY).textValue()).isEqualTo("-Infinity");
        assertThat(JsonValues.write(JsonValues.floating(1.5))).isEqualTo("1.5");
        assertThat(JsonValues.write(JsonValues.floating(1.1f))).isEqualTo("1.1");
    }

    @Test
    void bytesBecomeBase64() {
        assertThat(JsonValues.base64(new byte[] {(byte) 0xAA, 0x00, 0x01}).textValue()).isEqualTo("qgAB");
    }
}
