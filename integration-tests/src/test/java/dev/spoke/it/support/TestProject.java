package dev.spoke.it.support;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.spoke.config.Environment;
import dev.spoke.sync.ProjectRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dbt project directory as a user has one when spoke runs: {@code dbt_project.yml}, {@code profiles.yml} (one
 * target on the test warehouse), {@code spoke.yml} (connections, state and network settings) and {@code target/manifest.json}
 * (a {@link DbtManifest}). Change the connections, the state settings or the manifest, then {@link #write()}.
 */
public final class TestProject {
    public static final String PROFILE = "spoke_it";
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final TestWarehouse warehouse;
    private final DbtManifest manifest;
    private final Map<String, Object> connections = new LinkedHashMap<>();
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final Map<String, Object> network = new LinkedHashMap<>();

    public TestProject(Path dir, TestWarehouse warehouse) {
        this.dir = requireNonNull(dir, "dir is null").toAbsolutePath();
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.manifest = DbtManifest.fromSample(warehouse.adapterType());
        state.put("backend", "warehouse");
        state.put("schema", warehouse.defaultStateSchema());
    }

    public Path dir() {
        return dir;
    }

    public TestWarehouse warehouse() {
        return warehouse;
    }

    public DbtManifest manifest() {
        return manifest;
    }

    /** Adds or replaces a connection of spoke.yml. */
    public TestProject connection(String name, Map<String, ?> settings) {
        connections.put(name, new LinkedHashMap<>(settings));
        return this;
    }

    /** A webhook connection to a receiver, with the given extra settings. */
    public TestProject webhook(String name, WebhookReceiver receiver, Map<String, ?> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("type", "webhook");
        settings.put("url", receiver.url());
        settings.putAll(extra);
        return connection(name, settings);
    }

    /** Sets a key of spoke.yml's {@code state:} block ({@code backend}, {@code schema}, ...). */
    public TestProject state(String key, Object value) {
        state.put(key, value);
        return this;
    }

    /** Sets a key of spoke.yml's {@code network:} block ({@code deny_private}); the block is left out while empty. */
    public TestProject network(String key, Object value) {
        network.put(key, value);
        return this;
    }

    /** The state schema spoke.yml names. */
    public String stateSchema() {
        return String.valueOf(state.get("schema"));
    }

    /** Writes every file of the project. */
    public TestProject write() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("dbt_project.yml"), """
                    name: %s
                    version: "1.0.0"
                    config-version: 2
                    profile: %s
                    model-paths: ["models"]
                    """.formatted(DbtManifest.PROJECT, PROFILE));
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("target", "it");
            profile.put("outputs", Map.of("it", warehouse.profileOutput(dir)));
            YAML.writeValue(dir.resolve("profiles.yml").toFile(), Map.of(PROFILE, profile));
            Map<String, Object> spoke = new LinkedHashMap<>();
            spoke.put("connections", connections);
            spoke.put("state", state);
            if (!network.isEmpty()) {
                spoke.put("network", network);
            }
            YAML.writeValue(dir.resolve("spoke.yml").toFile(), spoke);
            manifest.writeTo(dir);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code --project-dir <dir> --profiles-dir <dir>} plus the selectors ask for, with the given environment. */
    public ProjectRequest request(Map<String, String> environment, String... select) {
        return new ProjectRequest(dir, dir, null, null, null, List.of(select), List.of(), Environment.of(environment));
    }

    public ProjectRequest request(String... select) {
        return request(Map.of(), select);
    }

    /** The CLI arguments of a command on this project: {@code <command...> --project-dir X --profiles-dir X <more>}. */
    public List<String> cli(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--project-dir", dir.toString(), "--profiles-dir", dir.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /** target/spoke_run_results.json as the last sync wrote it. */
    public JsonNode runResults() {
        try {
            return JSON.readTree(dir.resolve("target/spoke_run_results.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
