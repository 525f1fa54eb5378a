package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads dbt's {@code manifest.json}, schema v4 to v12 and dbt Fusion output, into a {@link Manifest}: every model
 * (enabled, and disabled ones from {@code disabled}) and the parent/child maps. Streams the file and binds only
 * model nodes, so a 50 MB manifest reads in a fraction of a second. Unknown fields are ignored (dbt adds some in
 * every release); a schema newer than v12 is read with a warning. Any file it cannot use — missing, truncated, not
 * JSON, not a manifest — is one {@link dev.spoke.SpokeException} ({@link dev.spoke.ExitCode#CONFIG_ERROR}) naming
 * the file, the line and column, and how to write a good one.
 *
 * <p>Stateless and thread-safe.
 */
public final class ManifestReader {
    static final String HINT = "Run `dbt parse` (or `dbt compile`) in the dbt project to write target/manifest.json"
            + " again, or pass --manifest with the path of a manifest.json written by dbt";

    private ManifestReader() {}

    /**
     * @param file the {@code manifest.json}
     * @param warnings receives one message per thing worth telling the user that does not stop the read
     * @return the manifest
     * @throws dev.spoke.SpokeException when the file cannot be read as a dbt manifest
     */
    public static Manifest read(Path file, Consumer<String> warnings) {
        requireNonNull(file, "file is null");
        requireNonNull(warnings, "warnings is null");
        JsonArtifact artifact = new JsonArtifact(file, "dbt manifest", HINT);
        ManifestScan scan;
        try (JsonParser parser = artifact.open()) {
            scan = ManifestScan.scan(parser, artifact, warnings);
        } catch (IOException e) {
            throw artifact.unreadable(e);
        }
        Map<String, Model> enabled = new LinkedHashMap<>();
        scan.models().forEach(model -> enabled.put(model.uniqueId(), model));
        return new Manifest(file, scan.metadata(), enabled, scan.disabledModels(), scan.parentMap(), scan.childMap());
    }
}
