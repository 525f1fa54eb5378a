package dev.spoke.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the packaged CLI as a process: with its output in pipes (as an orchestrator runs it), or under a
 * pseudo-terminal made by {@code script} (as a person runs it), with the environment given and nothing else from
 * the test's JVM.
 */
final class SpokeProcess {
    private static final long TIMEOUT_SECONDS = 120;

    /** What one run printed and returned. {@code stdout} holds everything under a pseudo-terminal. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private SpokeProcess() {
    }

    static Path jar() {
        String property = System.getProperty("spoke.jar");
        Path jar = property != null ? Path.of(property)
                : Path.of(System.getProperty("spoke.project.root", ".")).resolve("target/spoke.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                "the packaged CLI is not at " + jar + "; run the integration tests with `mvn verify`");
        return jar;
    }

    /** Runs {@code spoke <args>} in {@code directory} with stdout and stderr in pipes. */
    static Result run(Path directory, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(command());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("spoke-out", ".txt");
        Path err = Files.createTempFile("spoke-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            environment(builder, environment);
            int code = waitFor(builder.start());
            return new Result(code, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs {@code spoke <args>} under a pseudo-terminal ({@code script -qfec}); all output lands in stdout. */
    static Result runOnTerminal(Path directory, Map<String, String> environment, String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is not installed");
        List<String> inner = new ArrayList<>(command());
        inner.addAll(List.of(args));
        String line = inner.stream().map(SpokeProcess::quote).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", line, "/dev/null")
                .directory(directory.toFile()).redirectErrorStream(true);
        environment(builder, environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        int code = waitFor(process);
        return new Result(code, new String(output, StandardCharsets.UTF_8), "");
    }

    private static List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-jar", jar().toString());
    }

    private static void environment(ProcessBuilder builder, Map<String, String> environment) {
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SPOKE_") || name.startsWith("DBT_"));
        env.putAll(environment);
    }

    private static int waitFor(Process process) throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("spoke did not end within " + TIMEOUT_SECONDS + "s");
        }
        return process.exitValue();
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    static void assertExit(Result result, int expected) {
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.stdout(), result.stderr())
                .isEqualTo(expected);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
