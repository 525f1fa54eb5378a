package dev.spoke.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.config.TemplatedValues.Scope;
import dev.spoke.destination.OptionValidator;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code spoke.yml} (or {@code spoke.yaml}) from a dbt project directory: the connections, with
 * {@code env_var()} rendered, the state settings, the alerts and the network policy.
 *
 * <p>Problems in what the file says (unknown keys, bad values, a missing env var) are collected, not thrown, so that
 * commands that need no secrets still work; a file that is not YAML at all is one {@link SpokeException} naming the
 * line and column. Connection options are not checked here: {@link ExportBinder} checks them against their type.
 */
public final class SpokeConfigReader {
    /** The file names spoke looks for, in order. */
    public static final List<String> FILE_NAMES = List.of("spoke.yml", "spoke.yaml");

    private static final List<String> TOP_LEVEL_KEYS = List.of("connections", SpokeYmlSettings.STATE.name(),
            AlertsReader.KEY, SpokeYmlSettings.NETWORK.name());
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SpokeConfigReader() {
    }

    /**
     * @param projectDir the dbt project directory (where dbt_project.yml is)
     * @param renderer renders {@code env_var()}
     * @return the config (empty, with default state settings, when the project has no spoke.yml) and its problems
     * @throws SpokeException when the file cannot be read or is not valid YAML
     */
    public static SpokeConfigResult read(Path projectDir, TemplateRenderer renderer) {
        Path file = FILE_NAMES.stream().map(projectDir::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
        if (file == null) {
            return new SpokeConfigResult(new SpokeConfig(null, Map.of(), StateSettings.DEFAULTS), List.of());
        }
        String fileName = file.getFileName().toString();
        ProblemCollector problems = new ProblemCollector();
        if (fileName.equals(FILE_NAMES.get(0)) && Files.isRegularFile(projectDir.resolve(FILE_NAMES.get(1)))) {
            problems.add("ambiguous-file", null, FILE_NAMES.get(1), null,
                    "both spoke.yml and spoke.yaml exist; spoke reads only spoke.yml",
                    "Merge spoke.yaml into spoke.yml and delete it");
        }
        JsonNode root = parse(file, fileName);
        TemplatedValues values = new TemplatedValues(renderer, fileName, problems);
        Map<String, ConnectionSpec> connections = new LinkedHashMap<>();
        StateSettingsBuilder state = new StateSettingsBuilder();
        NetworkSettingsBuilder network = new NetworkSettingsBuilder();
        List<AlertRule> alerts = new java.util.ArrayList<>();
        if (root != null && !root.isNull() && !root.isMissingNode()) {
            if (!root.isObject()) {
                problems.add("invalid-value", null, fileName, null,
                        fileName + " must be a mapping with connections:, state:, alerts: and network:",
                        "Start the file with connections: and list each connection under it");
            } else {
                readTopLevel(root, fileName, values, problems, connections, state);
                readBlock(SpokeYmlSettings.NETWORK, root, values, fileName, problems, network);
                JsonNode alertsNode = root.get(AlertsReader.KEY);
                if (alertsNode != null && !alertsNode.isNull()) {
                    alerts.addAll(new AlertsReader(values, fileName, problems, connections, network.build())
                            .read(alertsNode));
                }
            }
        }
        SpokeConfig config = new SpokeConfig(file, connections, state.build(), alerts, network.build());
        return new SpokeConfigResult(config, problems.sorted());
    }

    private static void readTopLevel(
            JsonNode root, String fileName, TemplatedValues values, ProblemCollector problems,
            Map<String, ConnectionSpec> connections, StateSettingsBuilder state) {
        root.properties().forEach(entry -> {
            if (!TOP_LEVEL_KEYS.contains(entry.getKey())) {
                problems.add("unknown-key", null, fileName, entry.getKey(), "unknown key '" + entry.getKey() + "'"
                                + OptionValidator.suggestion(entry.getKey(), TOP_LEVEL_KEYS),
                        fileName + " takes: " + String.join(", ", TOP_LEVEL_KEYS));
            }
        });
        JsonNode connectionsNode = root.get("connections");
        if (connectionsNode != null && !connectionsNode.isNull()) {
            if (connectionsNode.isObject()) {
                ConnectionReader reader = new ConnectionReader(values, fileName, problems);
                connectionsNode.properties().forEach(entry ->
                        reader.read(entry.getKey(), entry.getValue())
                                .ifPresent(connection -> connections.put(connection.name(), connection)));
            } else {
                problems.add("invalid-value", null, fileName, "connections",
                        "connections must be a mapping of connection name to its settings",
                        "Write connections: then, indented, my_hook: { type: webhook, url: https://... }");
            }
        }
        readBlock(SpokeYmlSettings.STATE, root, values, fileName, problems, state);
    }

    /** Reads a top-level settings block ({@code state:}, {@code network:}) into its builder, when the file has it. */
    private static <B> void readBlock(
            SettingsBlock<B> block, JsonNode root, TemplatedValues values, String fileName, ProblemCollector problems,
            B target) {
        JsonNode node = root.get(block.name());
        if (node != null && !node.isNull()) {
            block.read(values.toJava(node, Scope.TOP, block.name(), false), target, fileName, block.name(), problems);
        }
    }

    private static JsonNode parse(Path file, String fileName) {
        try {
            return YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new SpokeException(ExitCode.CONFIG_ERROR, location(e, fileName) + ": not valid YAML: " + reason(e),
                    "Check the indentation (spaces, not tabs) and quoting near that line; a value holding {{ }}"
                            + " must be quoted, e.g. api_key: \"{{ env_var('API_KEY') }}\"",
                    e);
        } catch (IOException e) {
            throw new SpokeException(ExitCode.CONFIG_ERROR, "cannot read " + file + ": " + e.getMessage(),
                    "Check that the file exists and is readable", e);
        }
    }

    /** Where the parser found the problem, {@code spoke.yml line 4, column 4}. */
    private static String location(JsonProcessingException e, String fileName) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return fileName + " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        }
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? fileName
                : fileName + " line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * The parser's reason, without the lines of the file it quotes (they may hold a secret) and without the parser's
     * internal event names.
     */
    private static String reason(JsonProcessingException e) {
        String message = e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
                ? marked.getProblem()
                : e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String firstLine = message.strip().lines().findFirst().orElse(message);
        int internal = firstLine.indexOf(", got this instead:");
        return internal >= 0 ? firstLine.substring(0, internal) : firstLine;
    }
}
