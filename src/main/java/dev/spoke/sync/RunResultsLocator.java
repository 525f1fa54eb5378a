package dev.spoke.sync;

import dev.spoke.SpokeException;
import dev.spoke.dbt.Manifest;
import dev.spoke.dbt.RunResults;
import dev.spoke.dbt.RunResultsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds and reads dbt's run_results.json for a project: the file {@code --run-results} names (which must exist), else
 * {@code <target-path>/run_results.json} when dbt wrote one. A manifest and run results from different dbt
 * invocations are read, with a warning; a sync refuses them unless {@code --allow-stale} (see {@link FreshnessGate}).
 */
final class RunResultsLocator {
    static final String FILE_NAME = "run_results.json";

    private RunResultsLocator() {
    }

    static Optional<RunResultsFile> read(
            ProjectRequest request, Path projectDir, Path targetDir, Manifest manifest, Consumer<String> warnings) {
        Path file;
        if (request.runResults() != null) {
            file = request.runResults().toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw SpokeException.config("--run-results " + request.runResults() + ": no such file (" + file + ")",
                        "Point --run-results at the run_results.json your `dbt run` or `dbt build` wrote, usually "
                                + "<project>/target/run_results.json");
            }
        } else {
            file = targetDir.resolve(FILE_NAME);
            if (!Files.isRegularFile(file)) {
                if (request.requireRunResults()) {
                    throw SpokeException.config("--require-run-results: dbt's run results are not at " + file,
                            "Run `dbt run` or `dbt build` before spoke in the same project (and the same target"
                                    + " path), or point --run-results at the file");
                }
                return Optional.empty();
            }
        }
        RunResults results = RunResultsReader.read(file, warnings);
        RunResultsFile read = new RunResultsFile(file, results, manifest.metadata().invocationId());
        read.invocationMismatch().ifPresent(mismatch -> warnings.accept(mismatch + "; the run results may not"
                + " describe the tables the manifest points to"));
        return Optional.of(read);
    }
}
