package dev.spoke.destinations.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.OptionValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/** A dbt project directory for file destination tests, and destinations created in it like the engine does. */
record FileTestProject(Path dir) {
    private static final OkHttpClient UNUSED_HTTP = new OkHttpClient();

    DestinationContext context() {
        return new DestinationContext(UNUSED_HTTP, Clock.systemUTC(), new SimpleMeterRegistry(), new ObjectMapper(), dir,
                "spoke/test");
    }

    /** Validates the options like the config layer does and creates. */
    Destination create(ExportDescriptor export, Map<String, ?> connection, Map<String, ?> exportOptions) {
        FileDestinationFactory factory = new FileDestinationFactory();
        OptionValidator.Result connectionResult = OptionValidator.validate(factory.connectionOptions(), connection, List.of());
        OptionValidator.Result exportResult = OptionValidator.validate(factory.exportOptions(), exportOptions, List.of());
        assertThat(connectionResult.problems()).isEmpty();
        assertThat(exportResult.problems()).isEmpty();
        return factory.create(new DestinationSpec(export.connectionName(), connectionResult.options(),
                exportResult.options(), export), context());
    }

    Destination create(ExportDescriptor export, Map<String, ?> connection) {
        return create(export, connection, Map.of());
    }

    String read(String relativePath) {
        try {
            return Files.readString(dir.resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String relativePath, String content) {
        try {
            Path file = dir.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a directory of the project, hidden ones included. */
    List<String> list(String relativeDir) {
        try (Stream<Path> files = Files.list(dir.resolve(relativeDir))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
