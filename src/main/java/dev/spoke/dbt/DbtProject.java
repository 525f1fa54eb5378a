package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.config.Environment;
import dev.spoke.config.TemplateRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of {@code dbt_project.yml} spoke needs: the project's name, the profile it connects with, and where dbt
 * writes its artifacts. {@code env_var()} in these values is rendered as dbt renders it.
 *
 * @param directory the project directory (where {@code dbt_project.yml} is)
 * @param name the project name
 * @param profile the profile name, or {@code null} when the file names none (then {@code --profile} is needed)
 * @param version the project's version, or {@code null}
 * @param targetPath where dbt writes artifacts, relative to the project unless absolute; {@code target} by default
 * @param modelPaths the model directories; {@code [models]} by default
 */
public record DbtProject(
        Path directory, String name, String profile, String version, String targetPath, List<String> modelPaths) {
    public static final String FILE_NAME = "dbt_project.yml";
    private static final String HINT = "Run spoke in the dbt project's directory (where dbt_project.yml is), or pass"
            + " --project-dir";

    public DbtProject {
        requireNonNull(directory, "directory is null");
        requireNonNull(name, "name is null");
        requireNonNull(targetPath, "targetPath is null");
        modelPaths = List.copyOf(modelPaths);
    }

    /**
     * @param projectDirectory the directory holding {@code dbt_project.yml}
     * @param environment where {@code env_var()} looks values up
     * @throws SpokeException naming the file (and the line of a YAML error) when it is missing or malformed
     */
    public static DbtProject read(Path projectDirectory, Environment environment) {
        requireNonNull(projectDirectory, "projectDirectory is null");
        TemplateRenderer renderer = new TemplateRenderer(requireNonNull(environment, "environment is null"));
        Path file = projectDirectory.resolve(FILE_NAME);
        Map<String, Object> yaml = YamlFile.readMapping(file, "dbt project file", HINT);
        String name = text(yaml, "name", file, renderer);
        if (name == null || name.isBlank()) {
            throw SpokeException.config("dbt project file " + file + " has no 'name'",
                    "Add the project's name, e.g. name: jaffle_shop, as dbt requires");
        }
        String targetPath = text(yaml, "target-path", file, renderer);
        List<String> modelPaths = texts(yaml, yaml.containsKey("model-paths") ? "model-paths" : "source-paths", file,
                renderer);
        return new DbtProject(projectDirectory, name, text(yaml, "profile", file, renderer),
                text(yaml, "version", file, renderer), targetPath == null ? "target" : targetPath,
                modelPaths.isEmpty() ? List.of("models") : modelPaths);
    }

    /** The {@code dbt_project.yml} file. */
    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The directory dbt writes artifacts to ({@code target-path}, resolved against the project directory). */
    public Path targetDirectory() {
        return directory.resolve(targetPath);
    }

    /** {@code <target>/manifest.json}. */
    public Path manifestPath() {
        return targetDirectory().resolve("manifest.json");
    }

    /** {@code <target>/run_results.json}. */
    public Path runResultsPath() {
        return targetDirectory().resolve("run_results.json");
    }

    private static String text(Map<String, Object> yaml, String key, Path file, TemplateRenderer renderer) {
        Object value = yaml.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw SpokeException.config("dbt project file " + file + ": '" + key + "' must be text, not "
                    + YamlFile.describe(value), "Write " + key + ": <text>, as dbt requires");
        }
        return renderer.render(String.valueOf(value), file + " key '" + key + "'").value();
    }

    private static List<String> texts(Map<String, Object> yaml, String key, Path file, TemplateRenderer renderer) {
        Object value = yaml.get(key);
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                texts.add(renderer.render(String.valueOf(item), file + " key '" + key + "'").value());
            }
        } else if (value != null) {
            texts.add(text(yaml, key, file, renderer));
        }
        return texts;
    }
}
