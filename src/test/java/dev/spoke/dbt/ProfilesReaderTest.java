package dev.spoke.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.config.Environment;
import dev.spoke.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the three real profiles.yml fixtures (copied into a temporary profiles directory) and their failures. */
class ProfilesReaderTest {
    private static final Map<String, String> POSTGRES_ENV = Map.of("POSTGRES_HOST", "db.internal",
            "POSTGRES_USER", "spoke", "POSTGRES_PASSWORD", "s3cr3t-pw", "POSTGRES_PORT", "6432",
            "POSTGRES_DB", "analytics", "POSTGRES_SCHEMA", "marts");

    @TempDir
    Path dir;

    @Test
    void readsAPlainDuckdbProfile() throws IOException {
        Path profiles = fixture("bouncer-duckdb.profiles.yml");

        ProfileTarget target = reader(Map.of()).read(profiles, "dbt_bouncer", null);

        assertThat(target.profile()).isEqualTo("dbt_bouncer");
        assertThat(target.target()).isEqualTo("dev");
        assertThat(target.type()).isEqualTo("duckdb");
        assertThat(target.string("path")).contains("./dbt.duckdb");
        assertThat(target.fields().get("threads")).isEqualTo(8);
        assertThat(target.source()).isEqualTo(profiles.toString());
    }

    @Test
    void rendersEnvVarsTurnsIntFiltersIntoNumbersAndHidesThePassword() throws IOException {
        Path profiles = fixture("cosmos-postgres-snowflake.profiles.yml");

        ProfileTarget target = reader(POSTGRES_ENV).read(profiles, "default", null);

        assertThat(target.type()).isEqualTo("postgres");
        assertThat(target.string("host")).contains("db.internal");
        assertThat(target.fields().get("port")).isEqualTo(6432L);
        assertThat(target.integer("port")).contains(6432);
        assertThat(target.string("dbname")).contains("analytics");
        assertThat(target.fields().get("threads")).isEqualTo(4);
        Object password = target.fields().get("password");
        assertThat(password).isInstanceOf(Secret.class).hasToString("[hidden]");
        assertThat(((Secret) password).reveal()).isEqualTo("s3cr3t-pw");
        assertThat(((Secret) password).source()).isEqualTo("env_var('POSTGRES_PASSWORD')");
        assertThat(target.secret("password").orElseThrow().reveal()).isEqualTo("s3cr3t-pw");
        assertThat(target.fields().toString()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void readsOtherAdaptersTargetsAndSecretKeys() throws IOException {
        Path profiles = fixture("fivetran-multi-target.profiles.yml");
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("CI_REDSHIFT_DBT_HOST", "CI_REDSHIFT_DBT_USER", "CI_REDSHIFT_DBT_PASS",
                "CI_REDSHIFT_DBT_DBNAME", "CI_DATABRICKS_DBT_CATALOG", "CI_DATABRICKS_DBT_HOST",
                "CI_DATABRICKS_DBT_HTTP_PATH", "CI_DATABRICKS_DBT_TOKEN", "GCLOUD_SERVICE_KEY")) {
            env.put(name, "value-of-" + name);
        }
        ProfilesReader reader = reader(env);

        ProfileTarget redshift = reader.read(profiles, "integration_tests", null);
        ProfileTarget databricks = reader.read(profiles, "integration_tests", "databricks");
        ProfileTarget bigquery = reader.read(profiles, "integration_tests", "bigquery");

        assertThat(redshift.target()).isEqualTo("redshift");
        assertThat(redshift.type()).isEqualTo("redshift");
        assertThat(redshift.fields().get("pass")).isInstanceOf(Secret.class);
        assertThat(redshift.string("pass")).contains("value-of-CI_REDSHIFT_DBT_PASS");
        assertThat(redshift.fields().get("port")).isEqualTo(5439);
        assertThat(redshift.string("schema")).contains("fivetran_platform_integration_tests");
        assertThat(databricks.type()).isEqualTo("databricks");
        assertThat(databricks.fields().get("token")).isInstanceOf(Secret.class);
        assertThat(databricks.string("host")).contains("value-of-CI_DATABRICKS_DBT_HOST");
        assertThat(bigquery.fields().get("keyfile_json")).isInstanceOf(Secret.class);
        assertThat(bigquery.string("project")).contains("dbt-package-testing");
    }

    @Test
    void aMissingEnvironmentVariableNamesProfileTargetKeyAndVariable() throws IOException {
        Path profiles = fixture("cosmos-postgres-snowflake.profiles.yml");
        Map<String, String> env = new HashMap<>(POSTGRES_ENV);
        env.remove("POSTGRES_PASSWORD");

        SpokeException error = fails(() -> reader(env).read(profiles, "default", null));

        assertThat(error.getMessage()).isEqualTo(profiles + " profile 'default' target 'dev' key 'password':"
                + " environment variable POSTGRES_PASSWORD is not set");
    }

    @Test
    void anUnknownProfileListsTheOnesThereAreButNotTheConfigBlock() throws IOException {
        Path profiles = write("profiles.yml", "config:\n  send_anonymous_usage_stats: false\n"
                + Files.readString(DbtFixtures.path("profiles/cosmos-postgres-snowflake.profiles.yml")));

        SpokeException missing = fails(() -> reader(POSTGRES_ENV).read(profiles, "jaffle_shop", null));
        SpokeException config = fails(() -> reader(POSTGRES_ENV).read(profiles, "config", null));

        assertThat(missing.getMessage()).isEqualTo(profiles + " has no profile 'jaffle_shop'; it has: default,"
                + " snowflake_profile");
        assertThat(missing.hint()).contains("--profile");
        assertThat(config.getMessage()).contains("has no profile 'config'");
    }

    @Test
    void anUnknownTargetListsTheOnesThereAre() throws IOException {
        Path profiles = fixture("fivetran-multi-target.profiles.yml");

        SpokeException error = fails(() -> reader(Map.of()).read(profiles, "integration_tests", "prod"));

        assertThat(error.getMessage()).isEqualTo(profiles + " profile 'integration_tests' has no target 'prod' under"
                + " outputs; it has: redshift, bigquery, snowflake, postgres, databricks, databricks-sql, sqlserver");
        assertThat(error.hint()).contains("--target");
    }

    @Test
    void theProfilesTargetMayComeFromTheEnvironmentAndDefaultsToDefault() throws IOException {
        Path profiles = write("profiles.yml", """
                shop:
                  target: "{{ env_var('SHOP_TARGET', 'dev') }}"
                  outputs:
                    dev: {type: duckdb, path: dev.duckdb}
                    prod: {type: duckdb, path: prod.duckdb}
                plain:
                  outputs:
                    default: {type: postgres, host: localhost}
                """);

        assertThat(reader(Map.of()).read(profiles, "shop", null).target()).isEqualTo("dev");
        assertThat(reader(Map.of("SHOP_TARGET", "prod")).read(profiles, "shop", null).string("path"))
                .contains("prod.duckdb");
        assertThat(reader(Map.of()).read(profiles, "plain", null).target()).isEqualTo("default");
    }

    @Test
    void anchorsAndMergeKeysAreResolvedAsDbtDoes() throws IOException {
        Path profiles = write("profiles.yml", """
                shop:
                  target: prod
                  outputs:
                    dev: &defaults
                      type: postgres
                      host: localhost
                      port: 5432
                      password: "{{ env_var('PG_PASSWORD') }}"
                    prod:
                      <<: *defaults
                      host: prod.db
                """);

        ProfileTarget prod = reader(Map.of("PG_PASSWORD", "pw-1234")).read(profiles, "shop", null);

        assertThat(prod.type()).isEqualTo("postgres");
        assertThat(prod.string("host")).contains("prod.db");
        assertThat(prod.fields().get("port")).isEqualTo(5432);
        assertThat(prod.secret("password").orElseThrow().reveal()).isEqualTo("pw-1234");
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        Path profiles = write("profiles.yml", "shop:\n  target: dev\n  outputs: {dev: [type: duckdb\n");

        SpokeException error = fails(() -> reader(Map.of()).read(profiles, "shop", null));

        assertThat(error.getMessage()).startsWith("dbt profiles file " + profiles + " is not valid YAML at line 4,");
    }

    @Test
    void wrongShapesAndAMissingTypeAreNamed() throws IOException {
        Path profiles = write("profiles.yml", """
                no_outputs:
                  target: dev
                text_target:
                  outputs:
                    dev: postgres
                no_type:
                  outputs:
                    dev: {host: localhost}
                """);

        assertThat(fails(() -> reader(Map.of()).read(profiles, "no_outputs", null)).getMessage())
                .isEqualTo(profiles + " profile 'no_outputs' key 'outputs' must be a mapping, not nothing (null)");
        assertThat(fails(() -> reader(Map.of()).read(profiles, "text_target", "dev")).getMessage())
                .isEqualTo(profiles + " profile 'text_target' target 'dev' must be a mapping, not the text 'postgres'");
        assertThat(fails(() -> reader(Map.of()).read(profiles, "no_type", "dev")).getMessage())
                .isEqualTo(profiles + " profile 'no_type' target 'dev' has no 'type'");
    }

    @Test
    void findsProfilesInTheFlagTheEnvironmentTheProjectThenHome() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path flag = Files.createDirectories(dir.resolve("flag"));
        Path fromEnv = Files.createDirectories(dir.resolve("env"));
        for (Path place : List.of(project, home.resolve(".dbt"), flag, fromEnv)) {
            Files.createDirectories(place);
            Files.writeString(place.resolve("profiles.yml"), "p:\n  outputs:\n    default: {type: duckdb}\n");
        }
        ProfilesReader withEnv = new ProfilesReader(Environment.of(Map.of("DBT_PROFILES_DIR", fromEnv.toString())),
                home);
        ProfilesReader withoutEnv = new ProfilesReader(Environment.of(Map.of()), home);

        assertThat(withEnv.locate(project, flag)).isEqualTo(flag.resolve("profiles.yml"));
        assertThat(withEnv.locate(project, null)).isEqualTo(fromEnv.resolve("profiles.yml"));
        assertThat(withoutEnv.locate(project, null)).isEqualTo(project.resolve("profiles.yml"));
        Files.delete(project.resolve("profiles.yml"));
        assertThat(withoutEnv.locate(project, null)).isEqualTo(home.resolve(".dbt/profiles.yml"));
        Files.delete(home.resolve(".dbt/profiles.yml"));
        SpokeException none = fails(() -> withoutEnv.locate(project, null));
        assertThat(none.getMessage()).isEqualTo("no dbt profiles.yml found; looked for "
                + project.resolve("profiles.yml") + " and " + home.resolve(".dbt/profiles.yml"));
        assertThat(none.hint()).contains("--profiles-dir", "DBT_PROFILES_DIR");
        SpokeException wrongFlag = fails(() -> withoutEnv.locate(project, dir.resolve("nowhere")));
        assertThat(wrongFlag.getMessage()).contains(dir.resolve("nowhere/profiles.yml").toString(), "--profiles-dir");
    }

    @Test
    void readsTheProjectsProfileUnlessOverridden() throws IOException {
        Files.writeString(dir.resolve("dbt_project.yml"), "name: bouncer\nprofile: dbt_bouncer\n");
        Files.copy(DbtFixtures.path("profiles/bouncer-duckdb.profiles.yml"), dir.resolve("profiles.yml"));
        DbtProject project = DbtProject.read(dir, Environment.of(Map.of()));

        ProfileTarget target = reader(Map.of()).read(project, null, null, null);
        SpokeException override = fails(() -> reader(Map.of()).read(project, null, "other", null));

        assertThat(target.profile()).isEqualTo("dbt_bouncer");
        assertThat(target.type()).isEqualTo("duckdb");
        assertThat(override.getMessage()).contains("has no profile 'other'; it has: dbt_bouncer");
    }

    private ProfilesReader reader(Map<String, String> env) {
        return new ProfilesReader(Environment.of(env), dir.resolve("no-home"));
    }

    private Path fixture(String name) throws IOException {
        Path profiles = dir.resolve("profiles.yml");
        Files.copy(DbtFixtures.path("profiles/" + name), profiles);
        return profiles;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static SpokeException fails(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        SpokeException error = catchThrowableOfType(SpokeException.class, call);
        assertThat(error).isNotNull();
        assertThat(error.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
        return error;
    }
}
