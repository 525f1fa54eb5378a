package dev.spoke.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the repository's files are for an integration test: the project root (failsafe sets {@code
 * spoke.project.root}; else the working directory or one of its parents), the sample dbt project and the built CLI
 * jar (failsafe sets {@code spoke.jar} after {@code package}).
 */
public final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** The repository root, the directory holding pom.xml and sample-dbt-project/. */
    public static Path root() {
        String configured = System.getProperty("spoke.project.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-dbt-project")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath()
                + "; set -Dspoke.project.root");
    }

    public static Path sampleProject() {
        return root().resolve("sample-dbt-project");
    }

    /**
     * The runnable CLI jar, {@code target/spoke.jar} with its {@code target/lib}; skips the calling test when it was
     * not built (run the tests with {@code mvn verify}, which packages it first).
     */
    public static Path spokeJar() {
        String configured = System.getProperty("spoke.jar");
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured)
                : root().resolve("target/spoke.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar) && Files.isDirectory(jar.resolveSibling("lib")),
                () -> "the CLI jar " + jar + " (and its lib/) is not built: run `mvn verify`, which packages it"
                        + " before the integration tests");
        return jar.toAbsolutePath();
    }
}
