package dev.spoke.config;

import static dev.spoke.config.ExportBinderTest.config;
import static dev.spoke.config.ExportBinderTest.crm;
import static dev.spoke.config.ExportBinderTest.hook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.spoke.destination.OptionValidator;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationsSchemaTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory DRAFT_7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private static Set<String> errors(ObjectNode schema, String destinationsYaml) throws IOException {
        JsonNode destinations = YAML.readTree(destinationsYaml);
        return DRAFT_7.getSchema(schema).validate(destinations).stream()
                .map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    @Test
    void theGeneratedSchemaIsAValidDraft7Schema() {
        ObjectNode schema = DestinationsSchema.generate(FakeHookFactory.registry(), config(crm(), hook()));
        JsonSchema metaSchema = DRAFT_7.getSchema(SchemaLocation.of(DestinationsSchema.DIALECT));

        assertThat(metaSchema.validate(schema)).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
    }

    @Test
    void aCorrectListPassesAndAWrongOneFails() throws IOException {
        ObjectNode schema = DestinationsSchema.generate(FakeHookFactory.registry(), null);

        assertThat(errors(schema, """
                - to: anything
                  mode: mirror
                  key: [customer_id, email]
                  mapping: { email_address: email, merge_fields.FNAME: first_name }
                  options: { list_id: abc }
                - to: other
                  key: id
                """)).isEmpty();
        assertThat(errors(schema, """
                - to: anything
                  mode: sideways
                  key: []
                  mappping: { a: b }
                - key: id
                """)).containsExactlyInAnyOrder(
                "$[0].mode: does not have a value in the enumeration [\"upsert\", \"update\", \"insert\", \"mirror\","
                        + " \"append\"]",
                "$[0].key: must have at least 1 items but found 0",
                "$[0]: property 'mappping' is not defined in the schema and the schema does not allow additional"
                        + " properties",
                "$[1]: required property 'to' not found");
    }

    @Test
    void withSpokeYmlToListsConnectionsAndOptionsFollowTheConnectionsType() throws IOException {
        ObjectNode schema = DestinationsSchema.generate(FakeHookFactory.registry(), config(crm(), hook()));

        JsonNode to = schema.at("/definitions/destination/properties/to");
        assertThat(to.path("enum").toString()).isEqualTo("[\"crm\",\"hook\"]");
        assertThat(to.path("description").asText()).contains("crm (fakecrm), hook (fakehook)");

        assertThat(errors(schema, "[{ to: crm, options: { list_id: abc, batch_size: 10 } }, { to: hook }]")).isEmpty();
        assertThat(errors(schema, "[{ to: nowhere }]")).singleElement().asString().contains("$[0].to");
        assertThat(errors(schema, "[{ to: crm }]")).containsExactly("$[0]: required property 'options' not found");
        assertThat(errors(schema, "[{ to: crm, mode: mirror, options: { list_id: a, batch_size: 0, colour: red } }]"))
                .containsExactlyInAnyOrder(
                        "$[0].mode: does not have a value in the enumeration [\"upsert\", \"update\", \"insert\","
                                + " \"append\"]",
                        "$[0].options.batch_size: must have a minimum value of 1",
                        "$[0].options: property 'colour' is not defined in the schema and the schema does not allow"
                                + " additional properties");
        assertThat(errors(schema, "[{ to: hook, mode: mirror, options: { timeout: 5s, tags: [a] } }]")).isEmpty();
    }

    @Test
    void optionsAreDescribedFromTheirDeclarations() {
        ObjectNode schema = DestinationsSchema.generate(FakeHookFactory.registry(), null);

        JsonNode crmOptions = schema.at("/definitions/options_fakecrm");
        assertThat(crmOptions.path("description").asText()).contains("fakecrm", "A fake CRM audience");
        assertThat(crmOptions.path("required").toString()).isEqualTo("[\"list_id\"]");
        assertThat(crmOptions.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(crmOptions.at("/properties/batch_size").toString()).isEqualTo(
                "{\"type\":\"integer\",\"minimum\":1,\"maximum\":500,\"description\":\"Members per request\","
                        + "\"default\":100}");
        assertThat(crmOptions.at("/properties/status/enum").toString()).isEqualTo("[\"subscribed\",\"pending\"]");
        assertThat(crmOptions.at("/properties/double_opt_in/default").asBoolean(true)).isFalse();
        assertThat(schema.at("/definitions/options_fakehook/properties/timeout/default").asText()).isEqualTo("30s");
        assertThat(schema.at("/definitions/destination/properties/mode/default").asText()).isEqualTo("upsert");
        assertThat(schema.at("/definitions/destination/properties/key/description").asText())
                .contains("unique_key", "primary_key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "30s", "500ms", "5m", "2h", " 10 s ", "1d", "soon", "5 minutes", "-1s"})
    void theDurationPatternAcceptsWhatTheOptionValidatorAccepts(String text) {
        boolean parses;
        try {
            OptionValidator.parseDuration(text, text);
            parses = true;
        } catch (IllegalArgumentException e) {
            parses = false;
        }

        assertThat(text.matches(OptionValidator.DURATION_PATTERN)).isEqualTo(parses);
    }
}
