package dev.spoke.it.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI in a subprocess: {@code java -jar target/spoke.jar sync --project-dir <dir> --profiles-dir <dir>},
 * for what only a process shows (signals, the exit code of {@code main}). The jar comes from the system property
 * {@code spoke.jar}, which failsafe sets; without a built jar the test is skipped with a message saying why.
 */
final class SpokeProcess {
    private final Process process;
    private final FaultProject project;
    private final Path stdout;
    private final Path stderr;

    private SpokeProcess(Process process, FaultProject project, Path stdout, Path stderr) {
        this.process = process;
        this.project = project;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code spoke sync} on the project, with {@code extraArgs} after the project flags. */
    static SpokeProcess sync(FaultProject project, String... extraArgs) {
        Path jar = Path.of(System.getProperty("spoke.jar", "target/spoke.jar")).toAbsolutePath();
        assumeTrue(Files.isRegularFile(jar), "the CLI jar " + jar + " is not built; run `mvn package` first");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "sync",
                "--project-dir", project.dir().toString(),
                "--profiles-dir", project.dir().toString()));
        command.addAll(List.of(extraArgs));
        Path stdout = project.dir().resolve("spoke.stdout");
        Path stderr = project.dir().resolve("spoke.stderr");
        try {
            Files.deleteIfExists(project.dir().resolve("target/spoke_run_results.json"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("DBT_"));
            return new SpokeProcess(builder.start(), project, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** Sends SIGTERM (what {@link Process#destroy()} does on Linux). */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL: the process dies at once, as on an OOM kill or a lost machine. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits for the process to end and returns its exit code, whatever it wrote. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("spoke did not exit within " + timeout + "\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal would. */
    void interrupt() {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -INT " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the process ignores SIGINT (inherited from a parent that ignores it, e.g. a background job). */
    boolean ignoresSigint() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseLong(line.substring("SigIgn:".length()).trim(), 16);
                    return (mask & (1L << (2 - 1))) != 0;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return false;
        }
        return false;
    }

    /** Waits for the process to end; returns its exit code, its run results and its output. */
    RunOutcome await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("spoke did not exit within " + timeout + "\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Path results = project.dir().resolve("target/spoke_run_results.json");
        if (!Files.isRegularFile(results)) {
            throw new AssertionError("spoke exited with " + process.exitValue() + " without writing " + results
                    + "\n" + output());
        }
        JsonNode runResults = project.runResults();
        return new RunOutcome(process.exitValue(), runResults, output());
    }

    private String output() {
        try {
            return "stdout:\n" + Files.readString(stdout, StandardCharsets.UTF_8) + "stderr:\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
