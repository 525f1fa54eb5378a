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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * A dbt project directory for file destination tests, and destinations created in it like the engine does, each for
 * a run of its own ({@link #run}) or for {@link #FIRST_RUN}.
 */
record FileTestProject(Path dir) {
    /** The run {@link #context()} and {@link #create} serve: id {@code run-1}, started at this instant. */
    static final Instant FIRST_RUN = Instant.parse("2026-12-04T09:30:00.123Z");
    private static final OkHttpClient UNUSED_HTTP = new OkHttpClient();

    DestinationContext context() {
        return run("run-1", FIRST_RUN);
    }

    /** The context of a sync run with this id, started at this instant. */
    DestinationContext run(String runId, Instant started) {
        return new DestinationContext(UNUSED_HTTP, Clock.systemUTC(), new SimpleMeterRegistry(), new ObjectMapper(), dir,
                "spoke/test", runId, started);
    }

    /** The spec the config layer would build: the options validated against the declarations (the test fails if not). */
    static DestinationSpec spec(ExportDescriptor export, Map<String, ?> connection, Map<String, ?> exportOptions) {
        FileDestinationFactory factory = new FileDestinationFactory();
        OptionValidator.Result connectionResult = OptionValidator.validate(factory.connectionOptions(), connection, List.of());
        OptionValidator.Result exportResult = OptionValidator.validate(factory.exportOptions(), exportOptions, List.of());
        assertThat(connectionResult.problems()).isEmpty();
        assertThat(exportResult.problems()).isEmpty();
        return new DestinationSpec(export.connectionName(), connectionResult.options(), exportResult.options(), export);
    }

    /** Validates the options like the config layer does and creates, for the run of {@code context}. */
    Destination create(DestinationContext context, ExportDescriptor export, Map<String, ?> connection,
            Map<String, ?> exportOptions) {
        return new FileDestinationFactory().create(spec(export, connection, exportOptions), context);
    }

    Destination create(ExportDescriptor export, Map<String, ?> connection, Map<String, ?> exportOptions) {
        return create(context(), export, connection, exportOptions);
    }

    Destination create(ExportDescriptor export, Map<String, ?> connection) {
        return create(export, connection, Map.of());
    }

    /** Marks a file of the project as one spoke created, as a run that published it would have. */
    void markAsSpokes(String relativePath) {
        try {
            OwnerMark.claim(dir.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Every file under a directory of the project, hidden ones included, as relative paths; empty if it is missing. */
    List<String> tree(String relativeDir) {
        Path root = dir.resolve(relativeDir);
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted().toList();
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
