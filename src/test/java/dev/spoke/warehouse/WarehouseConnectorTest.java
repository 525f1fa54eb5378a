package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.config.Secret;
import dev.spoke.dbt.ProfileTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WarehouseConnectorTest {
    @Test
    void anUnsupportedAdapterNamesTheTargetAndTheSupportedTypes() {
        ProfileTarget target = new ProfileTarget("shop", "prod", "snowflake", Map.of("account", "x"),
                "/home/me/.dbt/profiles.yml");
        assertThatThrownBy(() -> WarehouseConnector.open(target, Path.of(".")))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
                    assertThat(e.getMessage()).isEqualTo("the target (profile 'shop' target 'prod' in"
                            + " /home/me/.dbt/profiles.yml) has adapter type 'snowflake', which spoke does not read");
                    assertThat(e.hint()).contains("duckdb, postgres");
                });
        assertThatThrownBy(() -> WarehouseConnector.open("jdbc:snowflake://x", new Properties(), "snowflake"))
                .isInstanceOfSatisfying(SpokeException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR));
    }

    @Test
    void anUnreachableServerIsARuntimeErrorNamingHostPortAndDatabaseButNotThePassword() {
        String password = "correct-horse-battery";
        ProfileTarget target = new ProfileTarget("shop", "prod", "postgres", Map.of("host", "127.0.0.1", "port", 1,
                "user", "spoke", "password", Secret.of(password, "env_var('PG_PASSWORD')"), "dbname", "analytics",
                "connect_timeout", 2), "profiles.yml");
        assertThatThrownBy(() -> WarehouseConnector.open(target, Path.of(".")))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.RUNTIME_ERROR);
                    assertThat(e.getMessage()).startsWith("cannot connect to PostgreSQL at 127.0.0.1:1, database"
                            + " 'analytics' as user 'spoke' (profile 'shop' target 'prod' in profiles.yml): ")
                            .doesNotContain(password);
                    assertThat(e.hint()).contains("running and reachable");
                });
    }

    @Test
    void aDuckDbUrlMustBeOne() {
        assertThatThrownBy(() -> WarehouseConnector.open("jdbc:postgresql://h/db", new Properties(), "duckdb"))
                .isInstanceOfSatisfying(SpokeException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR));
    }
}
