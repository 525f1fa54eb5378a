package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.config.Secret;
import dev.spoke.dbt.ProfileTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The database of a dbt-duckdb profile target: its {@code path}, resolved against the dbt project directory when
 * relative (dbt runs from there), or {@code :memory:}, dbt-duckdb's default when the path is absent. A file that does
 * not exist is an error rather than a new empty database: dbt has not built it, or the path is wrong.
 *
 * <p>dbt-duckdb's {@code settings:} map (e.g. {@code memory_limit: 256MB}, {@code threads: 2}) is applied to the
 * database spoke opens, as dbt-duckdb applies it: DuckDB runs inside spoke's process, so its memory limit bounds
 * spoke's.
 *
 * @param file the database file, or empty for an in-memory database
 * @param settings DuckDB configuration options from the profile's {@code settings:}
 */
record DuckDbTarget(Optional<Path> file, AccessMode mode, String where, Map<String, String> settings) {
    static final String MEMORY = ":memory:";

    DuckDbTarget {
        requireNonNull(file, "file is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(where, "where is null");
        settings = Map.copyOf(settings);
    }

    static DuckDbTarget from(ProfileTarget target, Path projectDir, AccessMode mode) {
        String where = WarehouseConnector.where(target);
        String path = target.string("path").map(String::trim).orElse(MEMORY);
        Map<String, String> settings = settings(target, where);
        if (path.isEmpty() || path.equals(MEMORY)) {
            return new DuckDbTarget(Optional.empty(), mode, where, settings);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("md:") || lower.startsWith("motherduck:")) {
            throw SpokeException.config("the duckdb target" + where + " points at MotherDuck (" + path
                    + "), which spoke does not read yet", "build the models into a local DuckDB file or PostgreSQL");
        }
        Path file = Path.of(path);
        if (!file.isAbsolute()) {
            file = projectDir.toAbsolutePath().resolve(file);
        }
        file = file.normalize();
        if (!Files.isRegularFile(file)) {
            throw SpokeException.runtime("the DuckDB database " + file + where + " does not exist",
                    "run `dbt run` to build it, or fix `path` (a relative path is resolved against the dbt project"
                            + " directory " + projectDir.toAbsolutePath().normalize() + ")", null);
        }
        return new DuckDbTarget(Optional.of(file), mode, where, settings);
    }

    private static Map<String, String> settings(ProfileTarget target, String where) {
        Object value = target.fields().get("settings");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw SpokeException.config("the duckdb target" + where + " has 'settings' that is not a map",
                    "write DuckDB options as a map, e.g. settings: {memory_limit: 256MB}");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        map.forEach((key, option) -> settings.put(String.valueOf(key),
                option instanceof Secret secret ? secret.reveal() : String.valueOf(option)));
        return settings;
    }

    String jdbcUrl() {
        return "jdbc:duckdb:" + file.map(Path::toString).orElse("");
    }

    String description() {
        return "DuckDB " + file.map(Path::toString).orElse(MEMORY);
    }
}
