package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.config.Secret;
import dev.spoke.dbt.ProfileTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresTargetTest {
    private static final String PASSWORD = "s3cr3t-pa55word";

    @Test
    void buildsTheUrlWithoutCredentialsAndPassesThePasswordAsAProperty() {
        PostgresTarget target = PostgresTarget.from(profile(Map.of("host", "db.example.com", "port", 6543,
                "user", "spoke", "password", Secret.of(PASSWORD, "env_var('PG_PASSWORD')"), "dbname", "analytics",
                "schema", "marts")), AccessMode.READ_WRITE);

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/analytics");
        Properties properties = target.properties();
        assertThat(properties.getProperty("user")).isEqualTo("spoke");
        assertThat(properties.getProperty("password")).isEqualTo(PASSWORD);
        assertThat(properties.getProperty("connectTimeout")).isEqualTo("10");
        assertThat(properties.getProperty("tcpKeepAlive")).isEqualTo("true");
        assertThat(properties.getProperty("ApplicationName")).isEqualTo("spoke");
        assertThat(target.description()).isEqualTo("PostgreSQL at db.example.com:6543, database 'analytics' as user 'spoke'");
        assertThat(target.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void readsDbtPostgresAliasesAndDefaults() {
        PostgresTarget target = PostgresTarget.from(profile(Map.of("host", "::1", "user", "u", "pass", "pw",
                "database", "my db+x", "connect_timeout", "3", "sslmode", "require", "search_path", "marts,public",
                "role", "Reporting Role")), AccessMode.READ_ONLY);

        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/my+db%2Bx");
        Properties properties = target.properties();
        assertThat(properties.getProperty("password")).isEqualTo("pw");
        assertThat(properties.getProperty("connectTimeout")).isEqualTo("3");
        assertThat(properties.getProperty("sslmode")).isEqualTo("require");
        assertThat(properties.getProperty("currentSchema")).isEqualTo("marts,public");
        assertThat(properties.getProperty("readOnly")).isEqualTo("true");
        assertThat(properties.getProperty("readOnlyMode")).isEqualTo("always");
        assertThat(target.sessionSql()).endsWith("SET ROLE \"Reporting Role\"").contains("SET TIME ZONE 'UTC'");
    }

    @Test
    void aMissingFieldNamesTheProfileTargetAndField() {
        assertThatThrownBy(() -> PostgresTarget.from(profile(Map.of("host", "h", "user", "u")), AccessMode.READ_WRITE))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
                    assertThat(e.getMessage()).isEqualTo("the postgres target (profile 'shop' target 'prod' in"
                            + " /home/me/.dbt/profiles.yml) has no dbname");
                    assertThat(e.hint()).contains("add dbname");
                });
    }

    @Test
    void rejectsABadPortAndSslMode() {
        assertThatThrownBy(() -> PostgresTarget.from(profile(Map.of("host", "h", "user", "u", "dbname", "d",
                "port", "five")), AccessMode.READ_WRITE))
                .isInstanceOf(SpokeException.class).hasMessageContaining("port (profile 'shop'")
                .hasMessageContaining("'five'");
        assertThatThrownBy(() -> PostgresTarget.from(profile(Map.of("host", "h", "user", "u", "dbname", "d",
                "sslmode", "always")), AccessMode.READ_WRITE))
                .isInstanceOf(SpokeException.class).hasMessageContaining("sslmode 'always'");
    }

    static ProfileTarget profile(Map<String, Object> fields) {
        return new ProfileTarget("shop", "prod", "postgres", new LinkedHashMap<>(fields), "/home/me/.dbt/profiles.yml");
    }
}
