package dev.spoke.report.metrics;

import dev.spoke.SpokeException;
import dev.spoke.config.SecretRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes metrics in the Prometheus text format the way node_exporter's textfile collector expects: into a temporary
 * file in the same directory (named so the collector ignores it: it reads only {@code *.prom}), then renamed over the
 * target in one atomic step, so that a scrape never reads half a file.
 */
public final class MetricsFile {
    /** The default file name, beside spoke_run_results.json in the target directory. */
    public static final String DEFAULT_NAME = "spoke_metrics.prom";

    private MetricsFile() {
    }

    /** Writes {@code text} (secrets masked) to {@code file} atomically and returns the file. */
    public static Path write(String text, Path file) {
        Path target = file.toAbsolutePath().normalize();
        Path directory = target.getParent();
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, SecretRedactor.global().redact(text), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw SpokeException.runtime("cannot write the metrics file " + target + ": " + e.getMessage(),
                    "check that its directory is writable, or choose another with --metrics-file", e);
        }
    }
}
