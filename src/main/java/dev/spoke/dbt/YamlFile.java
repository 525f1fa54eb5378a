package dev.spoke.dbt;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one of dbt's YAML files ({@code dbt_project.yml}, {@code profiles.yml}) the way dbt does (YAML 1.1, safe
 * loading, anchors, aliases and {@code <<} merge keys resolved), into plain maps, lists and scalars with text keys.
 * SnakeYAML is used directly because Jackson's YAML tree leaves aliases unresolved, and profiles often share settings
 * between targets with anchors. Every failure is one {@link SpokeException} naming the file (and the line and column
 * of a syntax error).
 */
final class YamlFile {
    private YamlFile() {}

    /**
     * @param file the file
     * @param kind what it is, for messages, e.g. {@code dbt project file}
     * @param missingHint what to do when the file does not exist
     * @return the top-level mapping
     */
    static Map<String, Object> readMapping(Path file, String kind, String missingHint) {
        String hint = "Fix the YAML in " + file + "; dbt reads the same file, so `dbt debug` reports the same problem";
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (NoSuchFileException e) {
            throw SpokeException.config(kind + " not found: " + file, missingHint);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String at = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String problem = e.getProblem() == null ? "" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new SpokeException(ExitCode.CONFIG_ERROR,
                    kind + " " + file + " is not valid YAML" + at + ": " + problem + context, hint, e);
        } catch (YAMLException e) {
            throw new SpokeException(ExitCode.CONFIG_ERROR,
                    kind + " " + file + " is not valid YAML: " + e.getMessage(), hint, e);
        } catch (IOException e) {
            throw new SpokeException(ExitCode.CONFIG_ERROR,
                    "cannot read " + kind + " " + file + ": " + e.getMessage(), hint, e);
        }
        if (document == null) {
            throw SpokeException.config(kind + " " + file + " is empty", hint);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw SpokeException.config(kind + " " + file + " must be a mapping of keys to values, not "
                    + describe(document), hint);
        }
        return normalizeMap(map);
    }

    /** A readable name of a YAML value's type, for messages. */
    static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String text) {
            return "the text '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        return "the " + (value instanceof Boolean ? "boolean" : "number") + " " + value;
    }

    private static Map<String, Object> normalizeMap(Map<?, ?> map) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        map.forEach((key, value) -> normalized.put(String.valueOf(key), normalize(value)));
        return normalized;
    }

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> normalized = new ArrayList<>(list.size());
            list.forEach(item -> normalized.add(normalize(item)));
            return normalized;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value;
    }
}
