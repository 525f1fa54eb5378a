package dev.spoke.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the parts of a checkout the sample project needs, for tests that run it as a user does without writing
 * into the repository (the quickstart writes sample.duckdb, out/ and target/spoke_run_results.json into the sample
 * directory): {@code sample-dbt-project/} as committed, the {@code ./spoke} launcher, and {@code target/spoke.jar}
 * with {@code target/lib} linked to the built ones (no pom.xml or src/, so the launcher never rebuilds).
 */
public final class SampleCheckout {
    /** Files of the sample directory that runs create and a checkout does not hold. */
    private static final List<String> GENERATED = List.of("sample.duckdb", "sample.duckdb.wal", "out", "logs",
            "dbt_packages", "target/spoke_run_results.json", "target/spoke_state.duckdb");

    private SampleCheckout() {
    }

    /** Copies into {@code root} and returns {@code root/sample-dbt-project}. */
    public static Path copyTo(Path root) {
        Path repository = RepositoryFiles.root();
        Path jar = RepositoryFiles.spokeJar();
        Path sample = repository.resolve("sample-dbt-project");
        Path copy = root.resolve("sample-dbt-project");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = sample.relativize(file);
                if (GENERATED.stream().anyMatch(generated -> relative.startsWith(generated))) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.copy(repository.resolve("spoke"), root.resolve("spoke"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.createDirectories(root.resolve("target"));
            Files.createSymbolicLink(root.resolve("target/spoke.jar"), jar);
            Files.createSymbolicLink(root.resolve("target/lib"), jar.resolveSibling("lib"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
