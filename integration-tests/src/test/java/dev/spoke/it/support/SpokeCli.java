package dev.spoke.it.support;

import static java.util.Objects.requireNonNull;

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
 * Runs the built CLI ({@code java -jar target/spoke.jar ...}) as a subprocess, as a user or an orchestrator does,
 * with the JVM flags of the {@code ./spoke} launcher. Output goes to files under a work directory, so a run that is
 * killed leaves what it printed.
 */
public final class SpokeCli {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path workDir;
    private final List<String> jvmFlags = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Duser.timezone=UTC",
            "-XX:TieredStopAtLevel=1"));
    private int runs;

    /** @param workDir where the process runs and its output files go */
    public SpokeCli(Path workDir) {
        this.workDir = requireNonNull(workDir, "workDir is null");
    }

    /** Adds a JVM flag (e.g. {@code -Xmx64m}) to later runs. */
    public SpokeCli jvm(String flag) {
        jvmFlags.add(flag);
        return this;
    }

    /** Runs {@code spoke <args>} to the end. */
    public Result run(List<String> args) {
        Running running = start(args);
        return running.await(TIMEOUT);
    }

    public Result run(String... args) {
        return run(List.of(args));
    }

    /** Starts {@code spoke <args>} and returns at once. */
    public Running start(List<String> args) {
        Path jar = RepositoryFiles.spokeJar();
        int run = ++runs;
        Path out = workDir.resolve("spoke-" + run + ".out");
        Path err = workDir.resolve("spoke-" + run + ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            Files.createDirectories(workDir);
            return new Running(builder.start(), out, err, String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spoke process that was started. */
    public static final class Running {
        private final Process process;
        private final Path out;
        private final Path err;
        private final String args;
        private final long startedNanos = System.nanoTime();

        Running(Process process, Path out, Path err, String args) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.args = args;
        }

        public Process process() {
            return process;
        }

        /** Kills the process at once ({@code kill -9}: no shutdown hook runs) and waits for it to end. */
        public Result kill() {
            process.destroyForcibly();
            return await(Duration.ofSeconds(30));
        }

        /** What it printed so far on stderr. */
        public String stderrSoFar() {
            return read(err);
        }

        public Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("spoke " + args + " did not end within " + timeout + "; stderr:\n"
                            + read(err));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException(e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            return new Result(process.exitValue(), read(out), read(err), elapsed);
        }

        private static String read(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * How a run ended.
     *
     * @param exitCode the process exit code
     * @param stdout what it printed on stdout
     * @param stderr what it printed on stderr
     * @param elapsed wall time from start to end
     */
    public record Result(int exitCode, String stdout, String stderr, Duration elapsed) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
