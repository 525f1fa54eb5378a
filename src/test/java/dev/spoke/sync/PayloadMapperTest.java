package dev.spoke.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spoke.SpokeException;
import dev.spoke.config.FieldMapping;
import dev.spoke.destination.RowKey;
import dev.spoke.warehouse.Dialect;
import dev.spoke.warehouse.KeyType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadMapperTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> COLUMNS = List.of("customer_id", "email", "first_name", "lifetime_value");
    private static final JsonNode[] ROW = {JSON.numberNode(42L), JSON.textNode("ada@example.com"), JSON.textNode("Zoë"),
            JSON.numberNode(new BigDecimal("10.50"))};
    private static final KeyType BIGINT = Dialect.postgres().keyType("int8");
    private static final KeyType TEXT = Dialect.postgres().keyType("text");
    private static final List<String> KEY = List.of("customer_id");

    @Test
    void withoutAMappingEveryColumnIsSentUnderItsOwnName() {
        PayloadMapper mapper = new PayloadMapper(COLUMNS, FieldMapping.IDENTITY, KEY, List.of(BIGINT));

        assertThat(mapper.map(i -> ROW[i]).toString())
                .isEqualTo("{\"customer_id\":42,\"email\":\"ada@example.com\",\"first_name\":\"Zoë\",\"lifetime_value\":10.50}");
    }

    @Test
    void aMappingRenamesNestsAndLeavesOutUnmappedColumns() {
        FieldMapping mapping = new FieldMapping(List.of(
                new FieldMapping.Field("email_address", "EMAIL"),
                new FieldMapping.Field("merge_fields.FNAME", "first_name"),
                new FieldMapping.Field("merge_fields.LTV", "lifetime_value")));
        PayloadMapper mapper = new PayloadMapper(COLUMNS, mapping, KEY, List.of(BIGINT));

        assertThat(mapper.map(i -> ROW[i]).toString()).isEqualTo(
                "{\"email_address\":\"ada@example.com\",\"merge_fields\":{\"FNAME\":\"Zoë\",\"LTV\":10.50}}");
    }

    @Test
    void aDeleteCarriesOnlyTheKeyUnderItsDestinationNameWithTheTypesOfTheKeyColumns() {
        FieldMapping mapping = new FieldMapping(List.of(new FieldMapping.Field("contact.id", "customer_id")));
        PayloadMapper mapper = new PayloadMapper(COLUMNS, mapping, List.of("customer_id", "email"), List.of(BIGINT, TEXT));

        List<JsonNode> keyValues = mapper.storedKeyValues(RowKey.of("42", "ada@example.com"));
        assertThat(keyValues).containsExactly(JSON.numberNode(42L), JSON.textNode("ada@example.com"));
        assertThat(mapper.keyPayload(keyValues).toString())
                .isEqualTo("{\"contact\":{\"id\":42},\"email\":\"ada@example.com\"}");
    }

    @Test
    void anUpsertTakesItsKeyValuesFromTheRowAndAKeyColumnNotSentFromItsKeyText() {
        PayloadMapper mapper = new PayloadMapper(COLUMNS.subList(1, 4), FieldMapping.IDENTITY,
                List.of("customer_id", "email"), List.of(BIGINT, TEXT));
        JsonNode email = JSON.textNode("ada@example.com");

        assertThat(mapper.keyValues(RowKey.of("42", "ada@example.com"), i -> i == 0 ? email : JSON.nullNode()))
                .containsExactly(JSON.numberNode(42L), email);
        assertThat(mapper.keyValues(RowKey.of("42", "ada@example.com"), i -> i == 0 ? email : JSON.nullNode()).get(1))
                .isSameAs(email);
    }

    @Test
    void aStoredKeyThatTheKeyColumnCannotHoldIsAClearError() {
        PayloadMapper mapper = new PayloadMapper(COLUMNS, FieldMapping.IDENTITY, KEY, List.of(BIGINT));

        assertThatThrownBy(() -> mapper.storedKeyValues(RowKey.of("abc")))
                .isInstanceOf(SpokeException.class)
                .hasMessage("row key abc: key column customer_id: 'abc' is not the text of a int8 value");
        assertThatThrownBy(() -> mapper.storedKeyValues(RowKey.of("1", "2")))
                .isInstanceOf(SpokeException.class)
                .hasMessage("row key (1, 2) has 2 parts but the key has 1 columns (customer_id)");
    }

    @Test
    void theFingerprintChangesWithTheMappingAndOnlyWithIt() {
        FieldMapping one = new FieldMapping(List.of(new FieldMapping.Field("email", "email")));
        FieldMapping renamed = new FieldMapping(List.of(new FieldMapping.Field("email_address", "email")));

        String fingerprint = new PayloadMapper(COLUMNS, one, KEY, List.of(BIGINT)).fingerprint();
        assertThat(new PayloadMapper(COLUMNS, one, KEY, List.of(BIGINT)).fingerprint()).isEqualTo(fingerprint);
        assertThat(new PayloadMapper(COLUMNS, one, KEY, List.of(TEXT)).fingerprint())
                .as("key types are not part of what is sent: a new version resends nothing").isEqualTo(fingerprint);
        assertThat(new PayloadMapper(COLUMNS, renamed, KEY, List.of(BIGINT)).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(new PayloadMapper(COLUMNS, FieldMapping.IDENTITY, KEY, List.of(BIGINT)).fingerprint())
                .isNotEqualTo(new PayloadMapper(COLUMNS.subList(0, 3), FieldMapping.IDENTITY, KEY, List.of(BIGINT)).fingerprint());
    }
}
