package dev.spoke.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code ./spoke sync} as a user would, as its own process, under {@code /usr/bin/time -v}, with a GC log (and a
 * JFR recording when asked) added through {@code JAVA_TOOL_OPTIONS} so the launcher's own JVM flags stay in force.
 * Checks that the run succeeded and returns its wall time, memory and the export's row counts from
 * target/spoke_run_results.json.
 */
final class SpokeRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path launcher;
    private final Path logDir;
    private final boolean jfr;

    SpokeRun(Path projectRoot, Path logDir, boolean jfr) {
        this.launcher = requireNonNull(projectRoot, "projectRoot is null").resolve("spoke");
        this.logDir = requireNonNull(logDir, "logDir is null");
        this.jfr = jfr;
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            throw new IllegalStateException("the benchmark measures peak RSS with /usr/bin/time -v; install GNU time"
                    + " (Debian/Ubuntu: apt-get install time)");
        }
    }

    /**
     * A finished run.
     *
     * @param wall the process's wall time
     * @param memory peak RSS and heap
     * @param rows the export's {@code rows} object from the run results
     */
    record Result(Duration wall, ProcessMemory memory, JsonNode rows) {
        long count(String name) {
            return rows.path(name).asLong();
        }
    }

    /** Syncs one export of the project; {@code label} names the log files. */
    Result sync(Path projectDir, String exportId, String label) {
        try {
            Files.createDirectories(logDir);
            Path time = logDir.resolve(label + ".time");
            Path gc = logDir.resolve(label + ".gc.log");
            Path out = logDir.resolve(label + ".out");
            Files.deleteIfExists(gc);
            List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", time.toString(),
                    launcher.toString(), "sync", "--project-dir", projectDir.toString(),
                    "--select", "export:" + exportId));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            String options = "-Xlog:gc,gc+heap+exit:file=" + gc;
            if (jfr) {
                options += " -XX:StartFlightRecording=filename=" + logDir.resolve(label + ".jfr") + ",settings=profile";
            }
            builder.environment().put("JAVA_TOOL_OPTIONS", options);
            long start = System.nanoTime();
            Process process = builder.start();
            int exit = process.waitFor();
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            if (exit != 0) {
                throw new IllegalStateException("spoke sync of " + exportId + " exited with " + exit + "; see " + out
                        + ":\n" + Files.readString(out));
            }
            JsonNode results = JSON.readTree(projectDir.resolve("target/spoke_run_results.json").toFile());
            JsonNode export = results.path("results").path(0);
            if (!exportId.equals(export.path("export_id").asText())) {
                throw new IllegalStateException("the run results of " + label + " do not show export " + exportId);
            }
            return new Result(wall, ProcessMemory.read(time, gc), export.path("rows"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
