package dev.spoke.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A copy of sample-dbt-project's files (not its warehouse) in a temporary directory, with an editable manifest. */
final class SampleProject {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Path.of("sample-dbt-project");

    private SampleProject() {
    }

    static Path copyTo(Path directory) {
        try {
            for (String file : new String[] {"dbt_project.yml", "profiles.yml", "spoke.yml", "target/manifest.json"}) {
                Path target = directory.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(SAMPLE.resolve(file), target);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits the manifest node of a model of the sample project. */
    static void editModel(Path project, String modelName, Consumer<ObjectNode> edit) {
        Path manifest = project.resolve("target/manifest.json");
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(manifest.toFile());
            edit.accept((ObjectNode) root.path("nodes").path("model.spoke_sample." + modelName));
            JSON.writeValue(manifest.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
