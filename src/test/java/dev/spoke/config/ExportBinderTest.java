package dev.spoke.config;

import static dev.spoke.config.ModelFixture.SCHEMA_FILE;
import static dev.spoke.config.ModelFixture.manifest;
import static dev.spoke.config.ModelFixture.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.spoke.dbt.Model;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.SyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportBinderTest {
    static final String CRM_KEY = "crm-api-key-0123456789";
    private static final DestinationRegistry REGISTRY = FakeHookFactory.registry();

    static ConnectionSpec crm() {
        return new ConnectionSpec("crm", "fakecrm", Map.of("api_key", Secret.of(CRM_KEY, "env_var('CRM_API_KEY')")),
                DeliverySettings.DEFAULTS);
    }

    static ConnectionSpec hook() {
        return new ConnectionSpec("hook", "fakehook", Map.of("url", "https://hooks.example.com/x"),
                DeliverySettings.DEFAULTS);
    }

    static SpokeConfig config(ConnectionSpec... connections) {
        Map<String, ConnectionSpec> byName = new LinkedHashMap<>();
        for (ConnectionSpec connection : connections) {
            byName.put(connection.name(), connection);
        }
        return new SpokeConfig(Path.of("/project/spoke.yml"), byName, StateSettings.DEFAULTS);
    }

    private static Discovery discover(Model... models) {
        return ExportBinder.discover(manifest(models), config(crm(), hook()), REGISTRY);
    }

    private static Problem onlyProblem(Discovery discovery) {
        assertThat(discovery.problems()).hasSize(1);
        return discovery.problems().get(0);
    }

    @Test
    void aCleanProjectGivesOneExportPerEntryWithIdKeyModeMappingAndOptions() {
        Model atRisk = model("at_risk_customers").columns("customer_id", "email", "first_name").meta("""
                destinations:
                  - to: crm
                    key: customer_id
                    mode: insert
                    mapping: { email_address: email, merge_fields.FNAME: first_name }
                    options: { list_id: a1b2c3, batch_size: 50 }
                  - to: hook
                  - to: hook
                    mode: mirror
                    key: [customer_id, email]
                """).uniqueKey("customer_id").build();
        Model customers = model("dim_customers").version("2").primaryKeyConstraint("id")
                .meta("destinations: [{ to: hook, options: { timeout: 5s, tags: [vip] } }]").build();
        Model unrelated = model("orders").meta("owner: finance").build();

        Discovery discovery = discover(unrelated, customers, atRisk);

        assertThat(discovery.problems()).isEmpty();
        assertThat(discovery.exports()).extracting(Export::id).containsExactly(
                "at_risk_customers__crm", "at_risk_customers__hook", "at_risk_customers__hook__2",
                "dim_customers_v2__hook");

        Export crmExport = discovery.exports().get(0);
        assertThat(crmExport.model()).isSameAs(atRisk);
        assertThat(crmExport.entryIndex()).isZero();
        assertThat(crmExport.connection()).isEqualTo(crm());
        assertThat(crmExport.factory()).isInstanceOf(FakeCrmFactory.class);
        assertThat(crmExport.mode()).isEqualTo(SyncMode.INSERT);
        assertThat(crmExport.key()).containsExactly("customer_id");
        assertThat(crmExport.mapping().fields()).containsExactly(
                new FieldMapping.Field("email_address", "email"),
                new FieldMapping.Field("merge_fields.FNAME", "first_name"));
        assertThat(crmExport.exportOptions().asMap()).containsExactly(
                Map.entry("list_id", "a1b2c3"), Map.entry("batch_size", 50L), Map.entry("double_opt_in", false),
                Map.entry("status", "subscribed"));

        Export firstHook = discovery.exports().get(1);
        assertThat(firstHook.mode()).isEqualTo(SyncMode.UPSERT);
        assertThat(firstHook.key()).containsExactly("customer_id");
        assertThat(firstHook.mapping().isIdentity()).isTrue();
        assertThat(firstHook.exportOptions().duration("timeout")).contains(Duration.ofSeconds(30));

        Export secondHook = discovery.exports().get(2);
        assertThat(secondHook.entryIndex()).isEqualTo(2);
        assertThat(secondHook.mode()).isEqualTo(SyncMode.MIRROR);
        assertThat(secondHook.key()).containsExactly("customer_id", "email");

        Export versioned = discovery.exports().get(3);
        assertThat(versioned.key()).containsExactly("id");
        assertThat(versioned.exportOptions().duration("timeout")).contains(Duration.ofSeconds(5));
        assertThat(versioned.exportOptions().list("tags")).containsExactly("vip");
        assertThat(versioned.descriptor().modelUniqueId()).isEqualTo("model.shop.dim_customers.v2");
    }

    @Test
    void theKeyFallsBackToAColumnLevelPrimaryKey() {
        Model model = model("leads").primaryKeyColumn("lead_id").columns("email")
                .meta("destinations: [{ to: hook }]").build();

        assertThat(discover(model).exports()).singleElement()
                .satisfies(export -> assertThat(export.key()).containsExactly("lead_id"));
    }

    @Test
    void aMisspeltKeyIsAnUnknownKeyWithDidYouMean() {
        Model model = model("at_risk_customers").uniqueKey("id")
                .meta("destinations: [{ to: hook, mappping: { email_address: email } }]").build();

        Discovery discovery = discover(model);

        Problem problem = onlyProblem(discovery);
        assertThat(problem.code()).isEqualTo("unknown-key");
        assertThat(problem.model()).isEqualTo("at_risk_customers");
        assertThat(problem.file()).isEqualTo(SCHEMA_FILE);
        assertThat(problem.key()).isEqualTo("meta.destinations[0].mappping");
        assertThat(problem.message()).isEqualTo("unknown key 'mappping' (did you mean 'mapping'?)");
        assertThat(problem.hint()).isEqualTo("A destination takes: to, mode, key, mapping, options");
        assertThat(discovery.exports()).isEmpty();
    }

    @Test
    void aDestinationOptionWrittenBesideToIsToldToMoveUnderOptions() {
        Model model = model("m").uniqueKey("id").meta("destinations: [{ to: crm, list_id: abc }]").build();

        Discovery discovery = discover(model);

        assertThat(discovery.problems()).extracting(Problem::code, Problem::key).containsExactly(
                tuple("unknown-key", "meta.destinations[0].list_id"),
                tuple("invalid-option", "meta.destinations[0].options.list_id"));
        assertThat(discovery.problems().get(0).hint()).contains("write it under options:");
    }

    @Test
    void anUnknownModeListsTheChoices() {
        Model model = model("m").uniqueKey("id").meta("destinations: [{ to: hook, mode: mirrror }]").build();

        Problem problem = onlyProblem(discover(model));

        assertThat(problem.code()).isEqualTo("unknown-mode");
        assertThat(problem.key()).isEqualTo("meta.destinations[0].mode");
        assertThat(problem.message()).isEqualTo("'mirrror' is not a sync mode (did you mean 'mirror'?)");
        assertThat(problem.hint()).contains("upsert | update | insert | mirror | append");
    }

    @Test
    void anUnknownConnectionListsTheConnectionsWithDidYouMean() {
        Model model = model("m").uniqueKey("id").meta("destinations: [{ to: hoook }]").build();

        Problem problem = onlyProblem(discover(model));

        assertThat(problem.code()).isEqualTo("unknown-connection");
        assertThat(problem.model()).isEqualTo("m");
        assertThat(problem.file()).isEqualTo(SCHEMA_FILE);
        assertThat(problem.key()).isEqualTo("meta.destinations[0].to");
        assertThat(problem.message()).isEqualTo("'hoook' is not a connection in spoke.yml (did you mean 'hook'?)");
        assertThat(problem.hint()).startsWith("Connections in spoke.yml: crm, hook.");
    }

    @Test
    void withoutSpokeYmlAnUnknownConnectionSaysHowToCreateIt() {
        Model model = model("m").uniqueKey("id").meta("destinations: [{ to: hook }]").build();
        SpokeConfig none = new SpokeConfig(null, Map.of(), StateSettings.DEFAULTS);

        Problem problem = onlyProblem(ExportBinder.discover(manifest(model), none, REGISTRY));

        assertThat(problem.code()).isEqualTo("unknown-connection");
        assertThat(problem.hint()).contains("create spoke.yml next to dbt_project.yml");
    }

    @Test
    void mirrorOnATypeThatCannotDeleteIsAnUnsupportedMode() {
        Model model = model("m").uniqueKey("id")
                .meta("destinations: [{ to: crm, mode: mirror, options: { list_id: x } }]").build();

        Problem problem = onlyProblem(discover(model));

        assertThat(problem.code()).isEqualTo("unsupported-mode");
        assertThat(problem.key()).isEqualTo("meta.destinations[0].mode");
        assertThat(problem.message()).isEqualTo(
                "connection 'crm' is of type 'fakecrm', which does not support mode mirror");
        assertThat(problem.hint()).isEqualTo("Use one of: upsert, update, insert, append");
    }

    @Test
    void aModelWithoutAnyKeyIsAMissingKey() {
        Model model = model("m").columns("email").meta("destinations: [{ to: hook }]").build();

        Discovery discovery = discover(model);

        Problem problem = onlyProblem(discovery);
        assertThat(problem.code()).isEqualTo("missing-key");
        assertThat(problem.key()).isEqualTo("meta.destinations[0].key");
        assertThat(problem.message()).contains("model m has neither a unique_key config nor a primary_key constraint");
        assertThat(problem.hint()).contains("Add key: <column>", "unique_key", "primary_key");
        assertThat(discovery.exports()).isEmpty();
    }

    @Test
    void keyAndMappedColumnsMustBeDocumentedColumns() {
        Model model = model("m").columns("customer_id", "email").meta("""
                destinations:
                  - to: hook
                    key: [customer_id, cutsomer_type]
                    mapping: { email_address: emial }
                """).build();

        Discovery discovery = discover(model);

        assertThat(discovery.problems()).extracting(Problem::code).containsOnly("unknown-column");
        assertThat(discovery.problems()).extracting(Problem::key).containsExactly(
                "meta.destinations[0].key[1]", "meta.destinations[0].mapping.email_address");
        Problem mapped = discovery.problems().get(1);
        assertThat(mapped.message()).isEqualTo("'emial' is not a column of model m (did you mean 'email'?)");
        assertThat(mapped.hint()).startsWith("Columns documented in " + SCHEMA_FILE + ": customer_id, email.");
    }

    @Test
    void columnsAreMatchedCaseInsensitivelyAndNotCheckedWhenNoneAreDocumented() {
        Model documented = model("a").columns("EMAIL").meta("destinations: [{ to: hook, key: email }]").build();
        Model undocumented = model("b").meta("destinations: [{ to: hook, key: anything }]").build();

        Discovery discovery = discover(documented, undocumented);

        assertThat(discovery.problems()).isEmpty();
        assertThat(discovery.exports()).hasSize(2);
    }

    @Test
    void anEphemeralModelCannotBeExported() {
        Model model = model("m").materialized("ephemeral").uniqueKey("id")
                .meta("destinations: [{ to: hook }]").build();

        Discovery discovery = discover(model);

        Problem problem = onlyProblem(discovery);
        assertThat(problem.code()).isEqualTo("ephemeral-model");
        assertThat(problem.key()).isEqualTo("meta.destinations");
        assertThat(problem.message()).contains("ephemeral", "no table or view to read");
        assertThat(problem.hint()).contains("materialized: table");
        assertThat(discovery.exports()).isEmpty();
    }

    @Test
    void aLiteralSecretAnywhereInMetaIsReportedWithoutItsValue() {
        String token = "xoxb-1234567890-abcdefghij";
        String bearer = "Bearer abcdefghijklmnop";
        Model model = model("m").uniqueKey("id").meta("""
                owner:
                  slack_token: %s
                notes: "%s"
                destinations:
                  - to: crm
                    mapping: { api_key: api_key_column }
                    options: { list_id: x, api_key: literal-key-value }
                """.formatted(token, bearer)).build();

        Discovery discovery = discover(model);

        List<Problem> secrets = discovery.problems().stream().filter(p -> p.code().equals("literal-secret")).toList();
        assertThat(secrets).extracting(Problem::key).containsExactly(
                "meta.destinations[0].options.api_key", "meta.notes", "meta.owner.slack_token");
        assertThat(secrets.get(0).message()).startsWith("key 'api_key' holds a secret");
        assertThat(secrets.get(0).hint()).contains("spoke.yml under the connection 'crm'",
                "api_key: \"{{ env_var('CRM_API_KEY') }}\"");
        assertThat(secrets.get(1).message()).startsWith("the value looks like a Bearer or Basic authorization value");
        assertThat(secrets.get(2).message()).contains("manifest.json in plain text");
        assertThat(discovery.problems()).allSatisfy(problem -> assertThat(problem.render())
                .doesNotContain(token, bearer, "literal-key-value"));
        assertThat(discovery.problems()).noneMatch(p -> p.key().equals("meta.destinations[0].options.api_key")
                && p.code().equals("invalid-option"));
        assertThat(discovery.exports()).isEmpty();
    }

    @Test
    void aConnectionOfAnUnknownTypeIsReportedInSpokeYmlOnce() {
        ConnectionSpec typo = new ConnectionSpec("crm2", "fakecr", Map.of(), DeliverySettings.DEFAULTS);
        Model model = model("m").uniqueKey("id").meta("destinations: [{ to: crm2 }, { to: crm2 }]").build();

        Discovery discovery = ExportBinder.discover(manifest(model), config(typo), REGISTRY);

        Problem problem = onlyProblem(discovery);
        assertThat(problem.code()).isEqualTo("unknown-destination-type");
        assertThat(problem.model()).isNull();
        assertThat(problem.file()).isEqualTo("spoke.yml");
        assertThat(problem.key()).isEqualTo("connections.crm2.type");
        assertThat(problem.message()).isEqualTo(
                "connection 'crm2' has type 'fakecr', which is not a destination type (did you mean 'fakecrm'?)");
        assertThat(problem.hint()).startsWith("Use one of: fakecrm, fakehook");
        assertThat(discovery.exports()).isEmpty();
    }

    @Test
    void exportOptionsAreCheckedAgainstTheTypesDeclaredOptions() {
        Model model = model("m").uniqueKey("id").meta("""
                destinations:
                  - to: crm
                    options: { lst_id: abc, batch_size: 1000, status: active }
                """).build();

        Discovery discovery = discover(model);

        assertThat(discovery.problems()).extracting(Problem::code).containsOnly("invalid-option");
        assertThat(discovery.problems()).extracting(Problem::key, Problem::message).containsExactly(
                tuple("meta.destinations[0].options.batch_size",
                        "option 'batch_size': must be between 1 and 500, got 1000"),
                tuple("meta.destinations[0].options.list_id",
                        "option 'list_id': required (The audience to add members to)"),
                tuple("meta.destinations[0].options.lst_id",
                        "option 'lst_id': unknown option (did you mean 'list_id'?); allowed: list_id, batch_size,"
                                + " double_opt_in, status"),
                tuple("meta.destinations[0].options.status",
                        "option 'status': 'active' is not one of subscribed | pending"));
        assertThat(discovery.problems().get(0).hint()).isEqualTo(
                "Set batch_size to a whole number from 1 to 500: Members per request");
        assertThat(discovery.problems().get(2).hint()).startsWith("destinations of type 'fakecrm' take: list_id (required)");
        assertThat(discovery.exports()).isEmpty();
    }

    @Test
    void connectionOptionsAreCheckedOncePerConnectionInSpokeYml() {
        ConnectionSpec broken = new ConnectionSpec("hook", "fakehook", Map.of("ur", "https://x"),
                DeliverySettings.DEFAULTS);
        Model a = model("a").uniqueKey("id").meta("destinations: [{ to: hook }]").build();
        Model b = model("b").uniqueKey("id").meta("destinations: [{ to: hook }]").build();

        Discovery discovery = ExportBinder.discover(manifest(a, b), config(broken), REGISTRY);

        assertThat(discovery.problems()).extracting(Problem::code, Problem::model, Problem::file, Problem::key)
                .containsExactly(
                        tuple("invalid-option", null, "spoke.yml", "connections.hook.ur"),
                        tuple("invalid-option", null, "spoke.yml", "connections.hook.url"));
        assertThat(discovery.problems().get(0).message()).contains("unknown option (did you mean 'url'?)");
        assertThat(discovery.problems().get(1).hint()).isEqualTo("Set url to text: Where rows are POSTed");
    }

    @Test
    void aMisspeltSettingInAConnectionIsAnUnknownKeyNotAnUnknownOption() {
        ConnectionSpec typo = new ConnectionSpec("hook", "fakehook",
                Map.of("url", "https://x", "rate_limits", Map.of("concurrency", 2L)), DeliverySettings.DEFAULTS);

        Problem problem = onlyProblem(ExportBinder.discover(manifest(), config(typo), REGISTRY));

        assertThat(problem.code()).isEqualTo("unknown-key");
        assertThat(problem.key()).isEqualTo("connections.hook.rate_limits");
        assertThat(problem.message()).isEqualTo("unknown key 'rate_limits' (did you mean 'rate_limit'?)");
        assertThat(problem.hint()).contains("type, rate_limit, delivery", "url (required)");
    }

    @Test
    void aSecretWrittenLiterallyIntoSpokeYmlIsALiteralSecret() {
        ConnectionSpec literal = new ConnectionSpec("crm", "fakecrm", Map.of("api_key", "plain-text-key-1234"),
                DeliverySettings.DEFAULTS);

        Discovery discovery = ExportBinder.discover(manifest(), config(literal), REGISTRY);

        Problem problem = onlyProblem(discovery);
        assertThat(problem.code()).isEqualTo("literal-secret");
        assertThat(problem.file()).isEqualTo("spoke.yml");
        assertThat(problem.key()).isEqualTo("connections.crm.api_key");
        assertThat(problem.hint()).contains("api_key: \"{{ env_var('CRM_API_KEY') }}\"");
        assertThat(problem.render()).doesNotContain("plain-text-key-1234");
    }

    @Test
    void mappedFieldsThatCollideAreDuplicateFields() {
        Model model = model("m").uniqueKey("id").meta("""
                destinations:
                  - to: hook
                    mapping: { merge_fields: first_name, merge_fields.FNAME: first_name }
                """).build();

        Problem problem = onlyProblem(discover(model));

        assertThat(problem.code()).isEqualTo("duplicate-field");
        assertThat(problem.key()).isEqualTo("meta.destinations[0].mapping.merge_fields.FNAME");
        assertThat(problem.message()).isEqualTo("field 'merge_fields.FNAME' collides with field 'merge_fields':"
                + " 'merge_fields' cannot be both a value and an object");
        assertThat(problem.hint()).startsWith("Rename one of the two fields");
    }

    @Test
    void malformedEntriesAreReportedByTheSchema() {
        Model model = model("m").uniqueKey("id").meta("""
                destinations:
                  - mode: upsert
                  - to: hook
                    key: 5
                    mapping: { email: { nested: x } }
                  - just text
                """).build();

        Discovery discovery = discover(model);

        assertThat(discovery.problems()).extracting(Problem::code, Problem::key).containsExactly(
                tuple("missing-to", "meta.destinations[0].to"),
                tuple("invalid-value", "meta.destinations[1].key"),
                tuple("invalid-value", "meta.destinations[1].mapping.email"),
                tuple("invalid-value", "meta.destinations[2]"));
        assertThat(discovery.problems().get(0).hint()).contains("(one of: crm, hook)");
        assertThat(discovery.problems().get(1).message()).isEqualTo("invalid value: integer found, [string, array] expected");
        assertThat(discovery.problems().get(1).hint()).startsWith("The column, or list of columns");
        assertThat(discovery.exports()).isEmpty();
    }

    @Test
    void destinationsThatAreNotAListAreOneProblem() {
        Model model = model("m").meta("destinations: { to: hook }").build();

        Problem problem = onlyProblem(discover(model));

        assertThat(problem.code()).isEqualTo("invalid-value");
        assertThat(problem.key()).isEqualTo("meta.destinations");
        assertThat(problem.hint()).contains("start each entry with '- to: <connection>'");
    }

    @Test
    void twoEntriesThatSanitizeToTheSameIdAreReported() {
        ConnectionSpec upper = new ConnectionSpec("Hook", "fakehook", Map.of("url", "https://x"),
                DeliverySettings.DEFAULTS);
        Model model = model("m").uniqueKey("id").meta("destinations: [{ to: hook }, { to: Hook }]").build();

        Discovery discovery = ExportBinder.discover(manifest(model), config(hook(), upper), REGISTRY);

        Problem problem = onlyProblem(discovery);
        assertThat(problem.code()).isEqualTo("duplicate-export-id");
        assertThat(problem.key()).isEqualTo("meta.destinations[1].to");
        assertThat(problem.message()).isEqualTo(
                "this export's id 'm__hook' is already the id of model m meta.destinations[0]");
        assertThat(discovery.exports()).extracting(Export::id).containsExactly("m__hook");
    }

    @Test
    void everyProblemIsCollectedSortedAndOnlyCleanEntriesGiveExports() {
        Model b = model("b").uniqueKey("id").meta("""
                destinations:
                  - to: hook
                  - to: crm
                    mode: mirror
                  - to: nowhere
                  - to: hook
                  - to: hook
                  - to: hook
                  - to: hook
                  - to: hook
                  - to: hook
                  - to: hook
                  - to: hook
                    mapping: {}
                """).build();
        Model a = model("a").noPropertiesFile().meta("destinations: [{ to: hook }]").build();

        Discovery discovery = discover(b, a);

        assertThat(discovery.problems()).extracting(Problem::file, Problem::model, Problem::key).containsExactly(
                tuple("models/marts/a.sql", "a", "meta.destinations[0].key"),
                tuple(SCHEMA_FILE, "b", "meta.destinations[1].mode"),
                tuple(SCHEMA_FILE, "b", "meta.destinations[1].options.list_id"),
                tuple(SCHEMA_FILE, "b", "meta.destinations[2].to"),
                tuple(SCHEMA_FILE, "b", "meta.destinations[10].mapping"));
        assertThat(discovery.exports()).extracting(Export::id).containsExactly("b__hook", "b__hook__2",
                "b__hook__3", "b__hook__4", "b__hook__5", "b__hook__6", "b__hook__7", "b__hook__8");
    }

    @Test
    void withTheReadersResultAMissingEnvVarIsNotAlsoReportedAsARequiredOption() {
        ConnectionSpec withoutKey = new ConnectionSpec("crm", "fakecrm", Map.of(), DeliverySettings.DEFAULTS);
        Problem missing = new Problem("missing-env-var", null, "spoke.yml", "connections.crm.api_key",
                "connection 'crm' key 'api_key' reads environment variable CRM_API_KEY, which is not set", "Set it");
        SpokeConfigResult read = new SpokeConfigResult(config(withoutKey), List.of(missing));
        Model model = model("m").uniqueKey("id").meta("destinations: [{ to: crm, options: { list_id: x } }]").build();

        Discovery discovery = ExportBinder.discover(manifest(model), read, REGISTRY);

        assertThat(discovery.problems()).containsExactly(missing);
        assertThat(discovery.exports()).extracting(Export::id).containsExactly("m__crm");
        assertThat(ExportBinder.discover(manifest(model), config(withoutKey), REGISTRY).problems())
                .extracting(Problem::code).containsExactly("invalid-option");
    }
}
