package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.config.Environment;
import dev.spoke.config.TemplateRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds and reads dbt's {@code profiles.yml} for the warehouse connection, as dbt does: the file from
 * {@code --profiles-dir}, else {@code DBT_PROFILES_DIR}, else the project directory, else {@code ~/.dbt}; the profile
 * from {@code --profile}, else {@code dbt_project.yml}'s {@code profile:}; the target from {@code --target}, else the
 * profile's {@code target:} (itself possibly an {@code env_var()}), else {@code default}. The top-level
 * {@code config:} block is not a profile. Every text value of the chosen target is rendered with
 * {@link TemplateRenderer}; values under secret keys become {@link dev.spoke.config.Secret}s. Any adapter type is read;
 * the warehouse layer decides what it supports.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProfilesReader {
    public static final String FILE_NAME = "profiles.yml";
    public static final String PROFILES_DIR_VARIABLE = "DBT_PROFILES_DIR";

    private final Environment environment;
    private final Path homeDirectory;

    /**
     * @param environment where {@code DBT_PROFILES_DIR} and {@code env_var()} values come from
     * @param homeDirectory the user's home, whose {@code .dbt} directory is searched last
     */
    public ProfilesReader(Environment environment, Path homeDirectory) {
        this.environment = requireNonNull(environment, "environment is null");
        this.homeDirectory = requireNonNull(homeDirectory, "homeDirectory is null");
    }

    /** The process environment and the user's home directory. */
    public static ProfilesReader system() {
        return new ProfilesReader(Environment.system(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The warehouse connection for a dbt project.
     *
     * @param project the dbt project (its directory and {@code profile:})
     * @param profilesDirectory {@code --profiles-dir}, or {@code null}
     * @param profileOverride {@code --profile}, or {@code null}
     * @param targetOverride {@code --target}, or {@code null}
     * @throws SpokeException when no profiles.yml is found, the profile or target is missing, an environment variable
     *     is not set, or the file is malformed; each names what is missing and what there is
     */
    public ProfileTarget read(
            DbtProject project, Path profilesDirectory, String profileOverride, String targetOverride) {
        requireNonNull(project, "project is null");
        String profile = profileOverride != null ? profileOverride : project.profile();
        if (profile == null || profile.isBlank()) {
            throw SpokeException.config("dbt project file " + project.file() + " names no profile",
                    "Add profile: <name> to dbt_project.yml, or pass --profile");
        }
        return read(locate(project.directory(), profilesDirectory), profile, targetOverride);
    }

    /**
     * Reads one profile's target from a given profiles.yml.
     *
     * @param targetOverride {@code --target}, or {@code null} for the profile's own {@code target:}
     */
    public ProfileTarget read(Path profilesFile, String profile, String targetOverride) {
        requireNonNull(profilesFile, "profilesFile is null");
        requireNonNull(profile, "profile is null");
        String hint = "Fix " + profilesFile + ", or pass --profiles-dir with the directory of another profiles.yml";
        Map<String, Object> profiles = YamlFile.readMapping(profilesFile, "dbt profiles file",
                "Pass --profiles-dir with the directory holding profiles.yml");
        List<String> available = new ArrayList<>(profiles.keySet());
        available.remove("config");
        if (profile.equals("config") || !profiles.containsKey(profile)) {
            throw SpokeException.config(profilesFile + " has no profile '" + profile + "'; it has: "
                            + (available.isEmpty() ? "none" : String.join(", ", available)),
                    "Set profile: in dbt_project.yml to one of them, or pass --profile");
        }
        String where = profilesFile + " profile '" + profile + "'";
        Map<String, Object> profileBlock = mapping(profiles.get(profile), where, hint);
        Map<String, Object> outputs = mapping(profileBlock.get("outputs"), where + " key 'outputs'", hint);
        TemplateRenderer renderer = new TemplateRenderer(environment);
        String target = targetOverride;
        if (target == null) {
            Object configured = profileBlock.get("target");
            target = configured == null ? "default"
                    : renderer.render(String.valueOf(configured), where + " key 'target'").value();
        }
        if (!outputs.containsKey(target)) {
            throw SpokeException.config(where + " has no target '" + target + "' under outputs; it has: "
                            + (outputs.isEmpty() ? "none" : String.join(", ", outputs.keySet())),
                    "Pass --target with one of them, or set target: in the profile");
        }
        String targetWhere = where + " target '" + target + "'";
        Map<String, Object> fields = new ProfileValues(renderer, targetWhere)
                .renderFields(mapping(outputs.get(target), targetWhere, hint));
        Object type = fields.get("type");
        if (!(type instanceof String typeName) || typeName.isBlank()) {
            throw SpokeException.config(targetWhere + " has no 'type'",
                    "Add the adapter type, e.g. type: postgres or type: duckdb");
        }
        return new ProfileTarget(profile, target, typeName, fields, profilesFile.toString());
    }

    /**
     * Where profiles.yml is: in {@code profilesDirectory} when given, else in {@code DBT_PROFILES_DIR} when set, else
     * in the project directory, else in {@code ~/.dbt}.
     *
     * @throws SpokeException naming every place it looked when there is none
     */
    public Path locate(Path projectDirectory, Path profilesDirectory) {
        requireNonNull(projectDirectory, "projectDirectory is null");
        if (profilesDirectory != null) {
            return existing(profilesDirectory.resolve(FILE_NAME), "--profiles-dir " + profilesDirectory);
        }
        String fromEnvironment = environment.get(PROFILES_DIR_VARIABLE).filter(dir -> !dir.isBlank()).orElse(null);
        if (fromEnvironment != null) {
            return existing(Path.of(fromEnvironment).resolve(FILE_NAME),
                    PROFILES_DIR_VARIABLE + "=" + fromEnvironment);
        }
        List<Path> searched = List.of(projectDirectory.resolve(FILE_NAME),
                homeDirectory.resolve(".dbt").resolve(FILE_NAME));
        for (Path candidate : searched) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw SpokeException.config("no dbt profiles.yml found; looked for " + searched.get(0) + " and "
                        + searched.get(1),
                "Pass --profiles-dir with the directory holding profiles.yml, or set " + PROFILES_DIR_VARIABLE);
    }

    private static Path existing(Path file, String source) {
        if (!Files.isRegularFile(file)) {
            throw SpokeException.config("no dbt profiles.yml at " + file + " (from " + source + ")",
                    "Point " + (source.startsWith("--") ? "--profiles-dir" : PROFILES_DIR_VARIABLE)
                            + " at the directory that holds profiles.yml");
        }
        return file;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value, String where, String hint) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw SpokeException.config(where + " must be a mapping, not " + YamlFile.describe(value), hint);
    }
}
