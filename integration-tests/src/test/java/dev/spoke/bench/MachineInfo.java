package dev.spoke.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine a benchmark ran on, read from /proc and the JVM, for the results. */
final class MachineInfo {
    private MachineInfo() {
    }

    static String describe() {
        return "- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc)\n"
                + "- memory: " + memTotal() + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + "- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "\n"
                + "- load average when the benchmark started: " + loadAverage() + "\n";
    }

    private static String cpuModel() {
        return lines("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown");
    }

    private static String memTotal() {
        Optional<String> line = lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:")).findFirst();
        return line.map(l -> String.format(Locale.ROOT, "%.1f GiB",
                Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse("unknown");
    }

    private static String loadAverage() {
        return lines("/proc/loadavg").stream().findFirst().map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3)))
                .orElse("unknown");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
