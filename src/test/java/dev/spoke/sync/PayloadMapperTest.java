package dev.spoke.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spoke.config.FieldMapping;
import dev.spoke.destination.RowKey;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadMapperTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> COLUMNS = List.of("customer_id", "email", "first_name", "lifetime_value");
    private static final JsonNode[] ROW = {JSON.numberNode(42L), JSON.textNode("ada@example.com"), JSON.textNode("Zoë"),
            JSON.numberNode(new BigDecimal("10.50"))};

    @Test
    void withoutAMappingEveryColumnIsSentUnderItsOwnName() {
        PayloadMapper mapper = new PayloadMapper(COLUMNS, FieldMapping.IDENTITY, List.of("customer_id"));

        assertThat(mapper.map(i -> ROW[i]).toString())
                .isEqualTo("{\"customer_id\":42,\"email\":\"ada@example.com\",\"first_name\":\"Zoë\",\"lifetime_value\":10.50}");
    }

    @Test
    void aMappingRenamesNestsAndLeavesOutUnmappedColumns() {
        FieldMapping mapping = new FieldMapping(List.of(
                new FieldMapping.Field("email_address", "EMAIL"),
                new FieldMapping.Field("merge_fields.FNAME", "first_name"),
                new FieldMapping.Field("merge_fields.LTV", "lifetime_value")));
        PayloadMapper mapper = new PayloadMapper(COLUMNS, mapping, List.of("customer_id"));

        assertThat(mapper.map(i -> ROW[i]).toString()).isEqualTo(
                "{\"email_address\":\"ada@example.com\",\"merge_fields\":{\"FNAME\":\"Zoë\",\"LTV\":10.50}}");
    }

    @Test
    void aDeleteCarriesOnlyTheKeyUnderItsDestinationName() {
        FieldMapping mapping = new FieldMapping(List.of(new FieldMapping.Field("contact.id", "customer_id")));
        PayloadMapper mapper = new PayloadMapper(COLUMNS, mapping, List.of("customer_id", "email"));

        assertThat(mapper.keyPayload(RowKey.of("42", "ada@example.com")).toString())
                .isEqualTo("{\"contact\":{\"id\":\"42\"},\"email\":\"ada@example.com\"}");
    }

    @Test
    void theFingerprintChangesWithTheMappingAndOnlyWithIt() {
        FieldMapping one = new FieldMapping(List.of(new FieldMapping.Field("email", "email")));
        FieldMapping renamed = new FieldMapping(List.of(new FieldMapping.Field("email_address", "email")));

        String fingerprint = new PayloadMapper(COLUMNS, one, List.of("customer_id")).fingerprint();
        assertThat(new PayloadMapper(COLUMNS, one, List.of("customer_id")).fingerprint()).isEqualTo(fingerprint);
        assertThat(new PayloadMapper(COLUMNS, renamed, List.of("customer_id")).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(new PayloadMapper(COLUMNS, FieldMapping.IDENTITY, List.of("customer_id")).fingerprint())
                .isNotEqualTo(new PayloadMapper(COLUMNS.subList(0, 3), FieldMapping.IDENTITY, List.of("customer_id")).fingerprint());
    }
}
