package dev.spoke.it.ops;

import static dev.spoke.it.ops.SpokeProcess.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.it.support.PostgresSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

/**
 * A sync on PostgreSQL with secrets in environment variables (the profile's password, a webhook's signing secret and
 * bearer token), logging JSON: every line of stderr parses on its own and carries run_id, export, destination, level
 * and event; and no secret value appears in anything the run writes: stdout, stderr, run results, the metrics file,
 * the output file, and every row of every state table (sync_log included).
 */
class SecretsAndJsonLogsIT {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("spoke-it-signing-key-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final String BEARER_TOKEN = "tok_live_9f8e7d6c5b4a3210secretbearer";

    @TempDir
    Path dir;

    @Test
    void jsonLogsParseLineByLineAndNoSecretLeavesTheProcess() throws Exception {
        Properties server = Driver.parseURL(SCHEMA.server().jdbcUrl(), SCHEMA.server().properties());
        String password = server.getProperty("password", "pg-Passw0rd-from-env-not-needed-by-trust");
        String schema = SCHEMA.name();
        SCHEMA.server().execute("CREATE TABLE \"" + schema + "\".orders (order_id_pk INT, status TEXT)",
                "INSERT INTO \"" + schema + "\".orders VALUES (1, 'placed'), (2, 'shipped'), (NULL, 'lost'), (4, 'x')");
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start();
            receiver.enqueue(new MockResponse.Builder().code(200)
                    .body("{\"rejected\":[{\"key\":\"2\",\"reason\":\"order 2 is archived\"}]}").build());
            BouncerProject.in(dir)
                    .write("profiles.yml", "dbt_bouncer:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n"
                            + "      host: " + server.getProperty("PGHOST") + "\n      port: "
                            + server.getProperty("PGPORT", "5432") + "\n      user: " + server.getProperty("user")
                            + "\n      password: \"{{ env_var('SPOKE_IT_PG_PASSWORD') }}\"\n      dbname: "
                            + server.getProperty("PGDBNAME") + "\n      schema: " + schema + "\n      threads: 1\n")
                    .spokeYml("connections:\n"
                            + "  crm_hook:\n    type: webhook\n    url: \"{{ env_var('CRM_HOOK_URL') }}\"\n"
                            + "    signing_secret: \"{{ env_var('CRM_HOOK_SECRET') }}\"\n"
                            + "    bearer_token: \"{{ env_var('CRM_HOOK_TOKEN') }}\"\n"
                            + "  out_files:\n    type: file\n    path: \"out/{export}.jsonl\"\n"
                            + "state:\n  schema: " + schema + "\n")
                    .export(BouncerProject.ORDERS, "[{\"to\": \"crm_hook\", \"key\": \"order_id_pk\"},"
                            + " {\"to\": \"out_files\", \"key\": \"order_id_pk\"}]")
                    .relocate(BouncerProject.ORDERS, server.getProperty("PGDBNAME"), schema,
                            "\"" + server.getProperty("PGDBNAME") + "\".\"" + schema + "\".\"orders\"")
                    .writeManifest();

            SpokeProcess.Result run = SpokeProcess.run(dir, Map.of("SPOKE_IT_PG_PASSWORD", password,
                            "CRM_HOOK_URL", receiver.url("/hooks").toString(), "CRM_HOOK_SECRET", SIGNING_SECRET,
                            "CRM_HOOK_TOKEN", BEARER_TOKEN),
                    "sync", "--log-format", "json");

            assertExit(run, 0);
            assertThat(receiver.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + BEARER_TOKEN);
            JsonNode runResults = BouncerProject.readJson(dir.resolve("target/spoke_run_results.json"));
            String runId = runResults.path("metadata").path("invocation_id").asText();
            assertThat(runResults.path("results")).extracting(result -> result.path("status").asText())
                    .containsExactly("warn", "warn");
            assertThat(run.stdout()).isEmpty();
            List<String> lines = run.stderr().lines().toList();
            assertThat(lines).hasSizeGreaterThan(4);
            List<String> exportsLogged = new ArrayList<>();
            for (String line : lines) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.isObject()).as(line).isTrue();
                assertThat(event.has("ts") && event.has("level") && event.has("event") && event.has("export")
                        && event.has("destination")).as(line).isTrue();
                assertThat(event.path("run_id").asText()).as(line).isEqualTo(runId);
                if (!event.path("export").isNull()) {
                    exportsLogged.add(event.path("export").asText() + " " + event.path("destination").asText());
                }
            }
            assertThat(exportsLogged).contains("orders__crm_hook crm_hook", "orders__out_files out_files");

            List<String> written = new ArrayList<>(List.of(run.stdout(), run.stderr()));
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (!file.getFileName().toString().endsWith(".yml")) {
                        written.add(file + ":\n" + Files.readString(file, StandardCharsets.ISO_8859_1));
                    }
                }
            }
            written.addAll(stateRows(schema));
            assertThat(String.join("\n", written))
                    .contains("order 2 is archived", "spoke_rows_delivered_total")
                    .doesNotContain(password).doesNotContain(SIGNING_SECRET)
                    .doesNotContain(SIGNING_SECRET.substring("whsec_".length())).doesNotContain(BEARER_TOKEN);
        }
    }

    /** Every row of every table spoke wrote in the schema, as text. */
    private static List<String> stateRows(String schema) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = new Driver().connect(SCHEMA.server().jdbcUrl(), SCHEMA.server().properties());
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = '" + schema + "'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            assertThat(tables).contains("sync_log");
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                            row.append(' ').append(result.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        assertThat(rows).anyMatch(row -> row.startsWith("sync_log:") && row.contains("order 2 is archived"));
        return rows;
    }
}
