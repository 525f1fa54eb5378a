package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.dbt.ProfileTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbTargetTest {
    @TempDir
    Path projectDir;

    @Test
    void resolvesARelativePathAgainstTheProjectDirectory() throws IOException {
        Path file = Files.createFile(projectDir.resolve("dev.duckdb"));
        DuckDbTarget target = DuckDbTarget.from(profile(Map.of("path", "./sub/../dev.duckdb")), projectDir,
                AccessMode.READ_WRITE);
        assertThat(target.file()).contains(file.toAbsolutePath().normalize());
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:duckdb:" + file.toAbsolutePath().normalize());
    }

    @Test
    void keepsAnAbsolutePath() throws IOException {
        Path file = Files.createFile(projectDir.resolve("abs.duckdb")).toAbsolutePath();
        DuckDbTarget target = DuckDbTarget.from(profile(Map.of("path", file.toString())), Path.of("/elsewhere"),
                AccessMode.READ_ONLY);
        assertThat(target.file()).contains(file);
    }

    @Test
    void isInMemoryWhenThePathIsAbsentOrMemory() {
        assertThat(DuckDbTarget.from(profile(Map.of()), projectDir, AccessMode.READ_WRITE).jdbcUrl())
                .isEqualTo("jdbc:duckdb:");
        assertThat(DuckDbTarget.from(profile(Map.of("path", ":memory:")), projectDir, AccessMode.READ_WRITE).file())
                .isEmpty();
    }

    @Test
    void aMissingFileSaysToRunDbt() {
        assertThatThrownBy(() -> DuckDbTarget.from(profile(Map.of("path", "target/nope.duckdb")), projectDir,
                AccessMode.READ_WRITE))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.RUNTIME_ERROR);
                    assertThat(e.getMessage()).contains(projectDir.resolve("target/nope.duckdb").toString())
                            .contains("profile 'jaffle' target 'dev'");
                    assertThat(e.hint()).contains("dbt run");
                });
    }

    @Test
    void refusesMotherDuck() {
        assertThatThrownBy(() -> DuckDbTarget.from(profile(Map.of("path", "md:my_db")), projectDir,
                AccessMode.READ_WRITE))
                .isInstanceOfSatisfying(SpokeException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR));
    }

    private static ProfileTarget profile(Map<String, Object> fields) {
        return new ProfileTarget("jaffle", "dev", "duckdb", fields, "profiles.yml");
    }
}
