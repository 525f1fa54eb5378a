package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NestedValuesTest {
    @Test
    void convertsScalarsByTheirJavaType() throws SQLException {
        assertThat(json(null)).isEqualTo("null");
        assertThat(json((byte) 1)).isEqualTo("1");
        assertThat(json(7L)).isEqualTo("7");
        assertThat(json(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(json(new BigDecimal("10.50"))).isEqualTo("10.50");
        assertThat(json(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(json(true)).isEqualTo("true");
        assertThat(json("é🦆中")).isEqualTo("\"é🦆中\"");
        assertThat(json(LocalDate.of(2024, 1, 31))).isEqualTo("\"2024-01-31\"");
        assertThat(json(LocalDateTime.of(2024, 1, 31, 13, 45))).isEqualTo("\"2024-01-31T13:45:00\"");
        assertThat(json(OffsetDateTime.of(2024, 1, 31, 15, 45, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("\"2024-01-31T13:45:00Z\"");
        UUID uuid = UUID.fromString("6f1c2f5e-8d4b-4a51-9a7e-2b0c1d3e4f50");
        assertThat(json(uuid)).isEqualTo("\"6f1c2f5e-8d4b-4a51-9a7e-2b0c1d3e4f50\"");
        assertThat(json(new byte[] {1, 2, 3})).isEqualTo("\"AQID\"");
    }

    @Test
    void mapsBecomeObjectsWithTextKeys() throws SQLException {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, new BigDecimal("10.50"));
        map.put("b", null);
        assertThat(json(map)).isEqualTo("{\"1\":10.50,\"b\":null}");
    }

    private static String json(Object value) throws SQLException {
        return JsonValues.write(NestedValues.toJson(value));
    }
}
