package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.SpokeException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the graph nodes one criterion of a model-level method names, before graph operators: the enabled models it
 * matches, and for {@code source:}, {@code exposure:}, {@code metric:}, {@code resource_type:} and {@code result:} the
 * other nodes it names, so that {@code source:stripe+} reaches the models built from that source. Disabled models are
 * never matched, as in dbt.
 */
final class NodeMatcher {
    static final List<String> RESOURCE_TYPES = List.of("model", "seed", "snapshot", "test", "source", "exposure",
            "metric", "analysis", "operation", "semantic_model", "saved_query", "unit_test", "function");
    private static final List<String> VERSION_SELECTORS = List.of("latest", "prerelease", "old", "none");

    private final Manifest manifest;
    private final RunResults runResults;
    private final DependencyGraph graph;

    NodeMatcher(Manifest manifest, RunResults runResults, DependencyGraph graph) {
        this.manifest = requireNonNull(manifest, "manifest is null");
        this.runResults = runResults;
        this.graph = requireNonNull(graph, "graph is null");
    }

    Set<String> match(SelectionCriterion criterion, String selector) {
        String value = criterion.value();
        return switch (criterion.method()) {
            case FQN -> models(m -> FqnMatcher.matches(m.fqn(), value, m.version() != null));
            case TAG -> {
                Glob glob = Glob.of(value);
                yield models(m -> m.tags().stream().anyMatch(glob::matches));
            }
            case PATH -> models(pathMatcher(value, selector));
            case FILE -> {
                Glob glob = Glob.of(value);
                yield models(m -> glob.matches(fileName(m)) || glob.matches(stem(fileName(m))));
            }
            case PACKAGE -> {
                Glob glob = Glob.of(packageName(value, selector));
                yield models(m -> glob.matches(m.packageName()));
            }
            case CONFIG -> models(m -> configMatches(m.config(), criterion.arguments(), value));
            case GROUP -> models(m -> value.equals(JsonValues.text(m.config(), "group")));
            case VERSION -> models(versionMatcher(value, selector));
            case RESOURCE_TYPE -> resourceType(value, selector);
            case RESULT -> results(value, selector);
            case SOURCE -> graphNodes("source", value, 3, selector);
            case EXPOSURE -> graphNodes("exposure", value, 2, selector);
            case METRIC -> graphNodes("metric", value, 2, selector);
            case EXPORT, DESTINATION -> throw new IllegalArgumentException(
                    criterion.method().token() + ": matches candidates, not nodes");
        };
    }

    private Set<String> models(Predicate<Model> predicate) {
        Set<String> ids = new LinkedHashSet<>();
        for (Model model : manifest.enabledModels()) {
            if (predicate.test(model)) {
                ids.add(model.uniqueId());
            }
        }
        return ids;
    }

    /**
     * dbt's path: a file or directory relative to the project (globs allowed), matched against the SQL file, its
     * directories and the properties file.
     */
    private static Predicate<Model> pathMatcher(String value, String selector) {
        String normalized = value.replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        while (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        } catch (PatternSyntaxException e) {
            throw SelectorParser.invalid(selector, "'" + value + "' is not a valid path pattern: " + e.getDescription());
        }
        return model -> {
            Path file = Path.of(model.originalFilePath());
            for (Path part = file; part != null; part = part.getParent()) {
                if (matcher.matches(part)) {
                    return true;
                }
            }
            String properties = model.patchPath() == null ? null : model.propertiesFile();
            return properties != null && matcher.matches(Path.of(properties));
        };
    }

    private static String fileName(Model model) {
        String path = model.originalFilePath().replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private String packageName(String value, String selector) {
        if (!value.equals("this")) {
            return value;
        }
        String project = manifest.metadata().projectName();
        if (project == null) {
            throw SelectorParser.invalid(selector, "package:this needs the root project's name, which this manifest"
                    + " (dbt " + manifest.metadata().dbtVersion() + ") does not record; name the package instead");
        }
        return project;
    }

    /** dbt's config comparison: equal text, a list containing it, or a boolean written true/false in any case. */
    static boolean configMatches(JsonNode config, List<String> keys, String value) {
        JsonNode node = config;
        for (String key : keys) {
            node = node.get(key);
            if (node == null) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (scalarMatches(item, value)) {
                    return true;
                }
            }
            return false;
        }
        return scalarMatches(node, value);
    }

    private static boolean scalarMatches(JsonNode node, String value) {
        if (node.isBoolean()) {
            return value.equalsIgnoreCase(String.valueOf(node.asBoolean()));
        }
        return node.isValueNode() && !node.isNull() && node.asText().equals(value);
    }

    private static Predicate<Model> versionMatcher(String value, String selector) {
        return switch (value) {
            case "latest" -> m -> m.version() != null && m.version().equals(m.latestVersion());
            case "prerelease" -> m -> m.version() != null && m.latestVersion() != null
                    && compareVersions(m.version(), m.latestVersion()) > 0;
            case "old" -> m -> m.version() != null && m.latestVersion() != null
                    && compareVersions(m.version(), m.latestVersion()) < 0;
            case "none" -> m -> m.version() == null;
            default -> throw SelectorParser.invalid(selector, "version: takes one of " + VERSION_SELECTORS);
        };
    }

    /** Numeric when both versions are numbers (dbt's usual 1, 2, 3), else as text. */
    private static int compareVersions(String left, String right) {
        try {
            return Double.compare(Double.parseDouble(left), Double.parseDouble(right));
        } catch (NumberFormatException e) {
            return left.compareTo(right);
        }
    }

    private Set<String> resourceType(String value, String selector) {
        if (!RESOURCE_TYPES.contains(value)) {
            throw SelectorParser.invalid(selector, "resource_type: takes one of " + RESOURCE_TYPES);
        }
        if (value.equals("model")) {
            return models(m -> true);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : graph.nodes()) {
            if (id.startsWith(value + ".")) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Set<String> results(String status, String selector) {
        if (runResults == null) {
            throw SpokeException.config("selector '" + selector + "' compares with dbt's last run, but no"
                            + " run_results.json was read",
                    "Run dbt (e.g. `dbt build`) so that target/run_results.json exists, or drop the result: selector");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (RunResults.NodeResult result : runResults.results()) {
            if (result.status().equalsIgnoreCase(status)) {
                ids.add(result.uniqueId());
            }
        }
        return ids;
    }

    /**
     * Nodes known only by their unique id ({@code source.<package>.<source>.<table>},
     * {@code exposure.<package>.<name>}): the value names the last parts, each a glob, as dbt's source:, exposure:
     * and metric: do.
     */
    private Set<String> graphNodes(String type, String value, int parts, String selector) {
        String[] wanted = value.split("\\.", -1);
        if (wanted.length > parts) {
            throw SelectorParser.invalid(selector, type + ": takes at most " + parts + " dotted parts"
                    + (parts == 3 ? " (package.source.table)" : " (package.name)"));
        }
        Glob[] globs = new Glob[parts];
        for (int i = 0; i < parts; i++) {
            int offset = parts - wanted.length;
            globs[i] = Glob.of(i < offset ? "*" : wanted[i - offset]);
        }
        if (wanted.length == 1 && parts == 3) {
            // source:stripe means every table of source stripe in any package.
            globs = new Glob[] {Glob.of("*"), Glob.of(wanted[0]), Glob.of("*")};
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : graph.nodes()) {
            String[] idParts = id.split("\\.", parts + 1);
            if (idParts.length == parts + 1 && idParts[0].equals(type) && allMatch(globs, idParts)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static boolean allMatch(Glob[] globs, String[] idParts) {
        for (int i = 0; i < globs.length; i++) {
            if (!globs[i].matches(idParts[i + 1])) {
                return false;
            }
        }
        return true;
    }
}
