package dev.spoke.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps sample-dbt-project/target/{manifest,run_results}.json what dbt would write for the project on disk: valid
 * against dbt's own schemas, and every checksum, raw_code, compiled_code, column, meta and seed type in step with the
 * files. An edit to a model, seed or schema.yml fails here until scripts/generate_artifacts.py is re-run.
 */
class SampleProjectManifestTest {

    private static final Path PROJECT = Path.of("sample-dbt-project").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern JINJA_CALL =
            Pattern.compile("\\{\\{\\s*(ref|var)\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*}}");

    /** Computed from the seeds independently of the SQL (by hand and with a Python re-implementation). */
    private static final List<String> AT_RISK_CUSTOMERS = List.of(
            "1|amelie.laurent@example.com|Amélie|Laurent|2026-09-18 09:15:00|1|254.40",
            "3|zoe.mueller@example.com|Zoë|Müller|2026-09-02 20:45:00|2|265.09",
            "4|taro.yamada@example.net|太郎|山田|2026-10-01 23:59:59|1|398.75",
            "7|liam.obrien@example.com|Liam|O'Brien|2026-07-04 11:11:00|2|130.00",
            "14|hana.kim@example.net|Hana 🌸|Kim|2026-09-15 16:00:00|1|133.32",
            "16|lukasz.wisniewski@example.org|Łukasz|Wiśniewski|null|1|0.00",
            "20|dmitri.ivanov@example.org|Дмитрий|Иванов|2026-08-30 22:10:00|3|1755.75",
            "24|lan.nguyen@example.org|Lan|Nguyễn|2026-09-29 13:00:00|1|85.20");
    private static final List<String> LEAD_SCORES = List.of(
            "1|kofi.mensah@example.org|4|51|2026-10-03 10:00:00",
            "2|sofia.rossi@example.com|3|12|2026-10-06 15:30:00",
            "3|hiroshi.tanaka@example.net|6|45|2026-10-09 09:00:00",
            "4|ana.silva@example.com|2|11|2026-10-11 11:45:00",
            "5|oliver.schmidt@example.org|5|34|2026-10-14 17:20:00",
            "6|amara.okafor@example.com|2|6|2026-10-17 08:10:00",
            "7|mateo.garcia@example.net|1|10|2026-10-21 13:00:00",
            "8|elif.yilmaz@example.org|5|54|2026-10-24 19:40:00",
            "9|noor.haddad@example.com|0|10|2026-10-27 10:05:00",
            "10|jonas.berg@example.net|3|26|2026-10-31 23:30:00");

    private static JsonNode manifest;
    private static JsonNode runResults;

    @BeforeAll
    static void readArtifacts() throws IOException {
        manifest = JSON.readTree(PROJECT.resolve("target/manifest.json").toFile());
        runResults = JSON.readTree(PROJECT.resolve("target/run_results.json").toFile());
    }

    @Test
    void manifestIsValidAgainstDbtsManifestV12Schema() throws IOException {
        assertThat(validate("manifest-v12.json", manifest)).as("errors against dbt's manifest v12 schema").isEmpty();
        assertThat(manifest.at("/metadata/dbt_schema_version").asText())
                .isEqualTo("https://schemas.getdbt.com/dbt/manifest/v12.json");
    }

    @Test
    void schemaValidationRejectsANodeKeyDbtDoesNotWrite() throws IOException {
        ObjectNode tampered = manifest.deepCopy();
        ((ObjectNode) tampered.at("/nodes/model.spoke_sample.at_risk_customers")).put("destinations", "webhook");

        assertThat(validate("manifest-v12.json", tampered)).isNotEmpty();
    }

    @Test
    void runResultsAreValidAndRecordASuccessfulBuildOfThisManifest() throws IOException {
        assertThat(validate("run-results-v6.json", runResults)).as("errors against dbt's run-results v6 schema").isEmpty();
        assertThat(runResults.at("/metadata/invocation_id")).isEqualTo(manifest.at("/metadata/invocation_id"));

        Map<String, String> statusById = new LinkedHashMap<>();
        runResults.path("results").forEach(r -> statusById.put(r.path("unique_id").asText(), r.path("status").asText()));
        Map<String, String> expected = new LinkedHashMap<>();
        manifest.path("nodes").forEach(node -> expected.put(node.path("unique_id").asText(),
                node.path("resource_type").asText().equals("test") ? "pass" : "success"));
        assertThat(statusById).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void manifestHasExactlyTheModelsAndSeedsOfTheProject() throws IOException {
        assertThat(originalFilePaths("model")).isEqualTo(projectFiles("models", ".sql"));
        assertThat(originalFilePaths("seed")).isEqualTo(projectFiles("seeds", ".csv"));
    }

    @Test
    void checksumsAndRawCodeMatchTheFilesOnDisk() throws IOException {
        for (JsonNode node : nodes("model", "seed")) {
            String stripped = Files.readString(PROJECT.resolve(node.path("original_file_path").asText())).strip();
            assertThat(node.at("/checksum/name").asText()).isEqualTo("sha256");
            assertThat(node.at("/checksum/checksum").asText())
                    .as("%s checksum (sha256 of the stripped file, as dbt computes it)", node.path("unique_id"))
                    .isEqualTo(sha256(stripped));
            String expectedRawCode = node.path("resource_type").asText().equals("model") ? stripped : "";
            assertThat(node.path("raw_code").asText()).as("%s raw_code", node.path("unique_id")).isEqualTo(expectedRawCode);
        }
    }

    @Test
    void compiledCodeIsRawCodeWithRefsAndVarsRendered() throws IOException {
        JsonNode vars = YAML.readTree(PROJECT.resolve("dbt_project.yml").toFile()).path("vars");
        Map<String, String> relationByName = new LinkedHashMap<>();
        nodes("model", "seed").forEach(n -> relationByName.put(n.path("name").asText(), n.path("relation_name").asText()));

        for (JsonNode model : nodes("model")) {
            List<String> refs = new ArrayList<>();
            Matcher call = JINJA_CALL.matcher(model.path("raw_code").asText());
            StringBuilder rendered = new StringBuilder();
            while (call.find()) {
                String argument = call.group(2);
                if (call.group(1).equals("ref")) {
                    refs.add(argument);
                }
                String value = call.group(1).equals("ref") ? relationByName.get(argument) : vars.path(argument).asText(null);
                assertThat(value).as("%s: %s('%s') resolves", model.path("name"), call.group(1), argument).isNotNull();
                call.appendReplacement(rendered, Matcher.quoteReplacement(value));
            }
            call.appendTail(rendered);
            assertThat(rendered.toString()).as("only ref() and var() are rendered here; keep models to those")
                    .doesNotContain("{{", "{%", "{#");
            assertThat(model.path("compiled_code").asText()).isEqualTo(rendered.toString());
            assertThat(model.path("refs").findValuesAsText("name")).isEqualTo(refs);
        }
    }

    @Test
    void modelPropertiesMatchTheirSchemaYml() throws IOException {
        for (String folder : List.of("staging", "marts")) {
            for (JsonNode entry : YAML.readTree(PROJECT.resolve("models/" + folder + "/schema.yml").toFile()).path("models")) {
                JsonNode node = manifest.path("nodes").path("model.spoke_sample." + entry.path("name").asText());
                JsonNode config = entry.path("config");
                assertThat(node.path("patch_path").asText()).isEqualTo("spoke_sample://models/" + folder + "/schema.yml");
                assertThat(node.path("description").asText()).isEqualTo(entry.path("description").asText());
                assertThat(node.at("/config/meta")).isEqualTo(config.has("meta") ? config.path("meta") : JSON.createObjectNode());
                assertThat(node.path("meta")).isEqualTo(node.at("/config/meta"));
                assertThat(node.at("/config/unique_key").asText(null)).isEqualTo(config.path("unique_key").asText(null));
                assertThat(node.at("/contract/enforced").asBoolean()).isEqualTo(config.at("/contract/enforced").asBoolean());
                assertThat(columnTypes(node.path("columns"))).isEqualTo(columnTypes(entry.path("columns")));
            }
        }
    }

    @Test
    void seedColumnTypesMatchDbtProjectYml() throws IOException {
        JsonNode seeds = YAML.readTree(PROJECT.resolve("dbt_project.yml").toFile()).at("/seeds/spoke_sample");
        for (JsonNode seed : nodes("seed")) {
            assertThat(seed.at("/config/column_types")).isEqualTo(seeds.path(seed.path("name").asText()).path("+column_types"));
        }
    }

    @Test
    void buildWarehouseRebuildsTheMartsFromTheRepository(@TempDir Path temp) throws Exception {
        Path copy = copyProject(temp.resolve("sample-dbt-project"));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, PROJECT.resolve("scripts/BuildWarehouse.java").toString(), copy.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("table \"sample\".\"main\".\"at_risk_customers\"", "built sample.duckdb");

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + copy.resolve("sample.duckdb"));
             Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "select customer_id, email, first_name, last_name,"
                    + " strftime(last_order_at, '%Y-%m-%d %H:%M:%S'), open_tickets, lifetime_value::varchar"
                    + " from \"sample\".\"main\".\"at_risk_customers\" order by customer_id"))
                    .containsExactlyElementsOf(AT_RISK_CUSTOMERS);
            assertThat(rows(statement, "select lead_id, email, pages_viewed, score,"
                    + " strftime(submitted_at, '%Y-%m-%d %H:%M:%S') from \"sample\".\"main\".\"lead_scores\" order by lead_id"))
                    .containsExactlyElementsOf(LEAD_SCORES);
            for (JsonNode model : nodes("model")) {
                if (model.at("/contract/enforced").asBoolean()) {
                    assertContractHolds(statement, model);
                }
            }
        }
    }

    /** What dbt's assert_columns_equivalent checks before a contracted table is built: same names, same types. */
    private static void assertContractHolds(Statement statement, JsonNode model) throws SQLException {
        Map<String, String> produced = describe(statement,
                "describe select * from (\n" + model.path("compiled_code").asText() + "\n) as __dbt_sbq");
        String declared = toList(model.path("columns")).stream()
                .map(c -> "cast(null as " + c.path("data_type").asText() + ") as \"" + c.path("name").asText() + "\"")
                .collect(Collectors.joining(", ", "describe select ", ""));
        assertThat(produced).as("contract of %s", model.path("name")).isEqualTo(describe(statement, declared));
    }

    private static Map<String, String> describe(Statement statement, String sql) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                types.put(result.getString("column_name"), result.getString("column_type"));
            }
        }
        return types;
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= width; column++) {
                    values.add(String.valueOf(result.getString(column)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static Path copyProject(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path relative = PROJECT.relativize(source);
                if (relative.getFileName().toString().contains(".duckdb") || relative.startsWith("out")) {
                    continue;
                }
                Files.createDirectories(target.resolve(relative).getParent());
                Files.copy(source, target.resolve(relative));
            }
        }
        return target;
    }

    private static Set<ValidationMessage> validate(String schemaFile, JsonNode document) throws IOException {
        try (InputStream schema = SampleProjectManifestTest.class.getResourceAsStream("/dbt-schemas/" + schemaFile)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
            return validator.validate(document);
        }
    }

    private static Map<String, String> columnTypes(JsonNode columns) {
        Map<String, String> types = new LinkedHashMap<>();
        toList(columns).forEach(c -> types.put(c.path("name").asText(), c.path("data_type").asText(null)));
        return types;
    }

    private static List<JsonNode> toList(JsonNode arrayOrObject) {
        List<JsonNode> values = new ArrayList<>();
        arrayOrObject.forEach(values::add);
        return values;
    }

    private static List<JsonNode> nodes(String... resourceTypes) {
        Set<String> wanted = Set.of(resourceTypes);
        return toList(manifest.path("nodes")).stream()
                .filter(node -> wanted.contains(node.path("resource_type").asText()))
                .toList();
    }

    private static Set<String> originalFilePaths(String resourceType) {
        return nodes(resourceType).stream()
                .map(node -> node.path("original_file_path").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> projectFiles(String folder, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT.resolve(folder))) {
            return files.filter(file -> file.toString().endsWith(extension))
                    .map(file -> PROJECT.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
