package dev.spoke.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spoke.config.DestinationsSchema;
import dev.spoke.config.SpokeConfig;
import dev.spoke.config.SpokeConfigReader;
import dev.spoke.config.TemplateRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spoke schema}: the JSON Schema of {@code meta.destinations}, for editors to autocomplete schema.yml. Inside a
 * project with a spoke.yml, {@code to:} lists its connections and {@code options:} follows each one's type.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of meta.destinations entries (with this project's connections when spoke.yml is found).")
final class SchemaCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliServices services;

    @Option(names = "--project-dir", paramLabel = "DIR", description = "The dbt project whose spoke.yml names the connections. Default: the current directory.")
    Path projectDir;

    @Option(names = "--generic", description = "Ignore spoke.yml: a schema for any project.")
    boolean generic;

    SchemaCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Path dir = projectDir != null ? projectDir
                : services.environment().get("DBT_PROJECT_DIR").map(Path::of).orElse(Path.of("."));
        SpokeConfig config = null;
        if (!generic && SpokeConfigReader.FILE_NAMES.stream().anyMatch(name -> Files.exists(dir.resolve(name)))) {
            config = SpokeConfigReader.read(dir, new TemplateRenderer(services.environment())).config();
        }
        services.out().println(Commands.toJson(JSON, DestinationsSchema.generate(services.registry(), config)));
        return 0;
    }
}
