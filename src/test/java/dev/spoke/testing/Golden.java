package dev.spoke.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept under {@code src/test/resources}. Run a test with
 * {@code -Dspoke.golden.update=true} to rewrite its golden files from what the code produces now, then review the
 * diff before committing it.
 */
public final class Golden {
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    private Golden() {
    }

    /**
     * @param resource the path under src/test/resources, e.g. {@code sql/postgres/changeset_counts.sql}
     * @param actual what the code produced
     */
    public static void assertMatches(String resource, String actual) {
        assertFileMatches(RESOURCES.resolve(resource), actual);
    }

    /**
     * @param file a file of the repository, relative to its root (e.g. {@code docs/reference.md})
     * @param actual what the code produced
     */
    public static void assertFileMatches(Path file, String actual) {
        String resource = file.toString();
        try {
            if (Boolean.getBoolean("spoke.golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual.strip() + "\n", StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (create it with -Dspoke.golden.update=true)", resource).exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8).strip();
            assertThat(actual.strip()).as("output against %s (regenerate with -Dspoke.golden.update=true)", resource)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new AssertionError("cannot read or write " + file, e);
        }
    }
}
