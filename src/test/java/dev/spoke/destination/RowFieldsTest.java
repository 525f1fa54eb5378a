package dev.spoke.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FieldLayout MAILCHIMP = FieldLayout.of(
            List.of("email_address", "merge_fields.FNAME", "merge_fields.LNAME", "tags", "score", "vip"));

    private static RowFields member(Object... values) {
        return RowFields.of(MAILCHIMP, values);
    }

    private static String written(RowFields fields) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            fields.writeObject(generator);
        }
        return out.toString();
    }

    @Test
    void writesNestedObjectsForDottedFieldsStraightFromTheValues() throws IOException {
        RowFields fields = member("ann@example.com", "Ann", null, JSON.readTree("[\"vip\",\"eu\"]"),
                new BigDecimal("10.50"), true);

        assertThat(written(fields)).isEqualTo("{\"email_address\":\"ann@example.com\",\"merge_fields\":"
                + "{\"FNAME\":\"Ann\",\"LNAME\":null},\"tags\":[\"vip\",\"eu\"],\"score\":10.50,\"vip\":true}");
    }

    @Test
    void everyScalarKindIsWrittenExactly() throws IOException {
        FieldLayout layout = FieldLayout.of(List.of("i", "l", "big", "dec", "d", "f", "s", "raw", "b"));
        RowFields fields = RowFields.of(layout, new Object[] {7, 9_007_199_254_740_993L,
            new BigInteger("123456789012345678901234567890"), new BigDecimal("1E-7"), 1.5d, 2.5f, "x\"y",
            new RawJson("{\"a\": [1, 2]}"), false});

        assertThat(written(fields)).isEqualTo("{\"i\":7,\"l\":9007199254740993,"
                + "\"big\":123456789012345678901234567890,\"dec\":0.0000001,\"d\":1.5,\"f\":2.5,\"s\":\"x\\\"y\","
                + "\"raw\":{\"a\": [1, 2]},\"b\":false}");
    }

    @Test
    void writesMembersIntoAnObjectTheDestinationOpened() throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("status_if_new", "subscribed");
            member("a@b.c", "A", "B", null, 1L, false).writeMembers(generator);
            generator.writeEndObject();
        }

        assertThat(JSON.readTree(out.toString()).fieldNames()).toIterable()
                .containsExactly("status_if_new", "email_address", "merge_fields", "tags", "score", "vip");
    }

    @Test
    void valuesAndTextByDestinationFieldName() {
        RowFields fields = member("ann@example.com", "Ann", null, null, new BigDecimal("10.50"), true);

        assertThat(fields.value("merge_fields.FNAME")).isEqualTo("Ann");
        assertThat(fields.text("score")).isEqualTo("10.50");
        assertThat(fields.text("merge_fields.LNAME")).isNull();
        assertThat(fields.has("merge_fields.LNAME")).isTrue();
        assertThat(fields.has("merge_fields")).isFalse();
        assertThatThrownBy(() -> fields.value("email")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no field email").hasMessageContaining("email_address");
    }

    @Test
    void aFieldInsideANestedValueIsFoundByItsDottedName() throws IOException {
        RowFields fields = RowFields.fromTree((ObjectNode) JSON.readTree(
                "{\"email\":\"a@b.c\",\"merge_fields\":{\"FNAME\":\"Ann\",\"ADDR\":{\"city\":\"Oslo\"}},\"n\":null}"));

        assertThat(fields.text("merge_fields.FNAME")).isEqualTo("Ann");
        assertThat(fields.text("merge_fields.ADDR.city")).isEqualTo("Oslo");
        assertThat(fields.has("merge_fields.LNAME")).isFalse();
        assertThat(fields.value("n")).isNull();
        assertThat(fields.toTree()).isEqualTo(JSON.readTree(
                "{\"email\":\"a@b.c\",\"merge_fields\":{\"FNAME\":\"Ann\",\"ADDR\":{\"city\":\"Oslo\"}},\"n\":null}"));
    }

    @Test
    void aColumnWhoseNameHasADotIsOneFieldWhenItsPathSaysSo() throws IOException {
        RowFields fields = RowFields.of(FieldLayout.ofPaths(List.of(List.of("a.b"), List.of("a"))),
                new Object[] {1L, JSON.readTree("{\"b\":2}")});

        assertThat(written(fields)).isEqualTo("{\"a.b\":1,\"a\":{\"b\":2}}");
        assertThat(fields.value("a.b")).isEqualTo(1L);
    }

    @Test
    void flattenAndTreeAgreeWithWhatIsWritten() throws IOException {
        RowFields fields = member("ann@example.com", "Ann", "Lee", null, 3L, false);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("email_address", "ann@example.com");
        expected.put("merge_fields.FNAME", "Ann");
        expected.put("merge_fields.LNAME", "Lee");
        expected.put("tags", null);
        expected.put("score", 3L);
        expected.put("vip", false);

        assertThat(fields.flatten()).containsExactlyEntriesOf(expected);
        assertThat(fields.toTree()).isEqualTo(JSON.readTree(written(fields)));
        assertThat(fields).isEqualTo(RowFields.fromTree(fields.toTree()));
    }

    @Test
    void aLayoutRefusesFieldsThatCannotMakeOneObject() {
        assertThatThrownBy(() -> FieldLayout.of(List.of("a", "a.b"))).hasMessageContaining("clashes");
        assertThatThrownBy(() -> FieldLayout.of(List.of("a.b", "a"))).hasMessageContaining("clashes");
        assertThatThrownBy(() -> FieldLayout.of(List.of("a", "a"))).hasMessageContaining("mapped twice");
        assertThatThrownBy(() -> FieldLayout.of(List.of("a..b"))).hasMessageContaining("empty part");
        assertThatThrownBy(() -> RowFields.of(FieldLayout.of(List.of("a")), new Object[2]))
                .hasMessageContaining("1 fields but the row 2 values");
    }

    @Test
    void aValueOfAnotherKindIsABugNamedAsSuch() {
        RowFields fields = RowFields.of(FieldLayout.of(List.of("when")), new Object[] {new java.util.Date()});

        assertThatThrownBy(() -> written(fields)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON value: java.util.Date");
    }
}
