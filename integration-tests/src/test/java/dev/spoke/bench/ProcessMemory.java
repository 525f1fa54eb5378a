package dev.spoke.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a finished process used: CPU time and peak RSS from {@code /usr/bin/time -v}, peak heap from the JVM's
 * {@code -Xlog:gc,gc+heap+exit} log (the largest heap before a collection, or at exit if larger). CPU time matters on
 * a shared machine: it does not grow when other processes take the cores.
 *
 * @param cpuSeconds user plus system CPU time of the process (all its threads; DuckDB's run in it too)
 * @param peakRssKb the maximum resident set size, in KiB
 * @param peakHeapUsedKb the most heap in use, in KiB
 * @param peakHeapCommittedKb the most heap the JVM reserved from the OS, in KiB
 */
record ProcessMemory(double cpuSeconds, long peakRssKb, long peakHeapUsedKb, long peakHeapCommittedKb) {
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern CPU = Pattern.compile("(?:User|System) time \\(seconds\\): ([\\d.]+)");
    /** A collection: {@code Pause Young (Allocation Failure) 27M->3M(98M)}. */
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    /** A generation (or G1's whole heap) at exit: {@code total 116160K, used 31162K}. */
    private static final Pattern AT_EXIT = Pattern.compile("total (\\d+)K, used (\\d+)K");

    static ProcessMemory read(Path timeOutput, Path gcLog) {
        try {
            String time = Files.readString(timeOutput);
            Matcher rss = MAX_RSS.matcher(time);
            if (!rss.find()) {
                throw new IllegalStateException("no maximum resident set size in " + timeOutput);
            }
            double cpu = 0;
            for (Matcher seconds = CPU.matcher(time); seconds.find(); ) {
                cpu += Double.parseDouble(seconds.group(1));
            }
            long used = 0;
            long committed = 0;
            long exitUsed = 0;
            long exitCommitted = 0;
            List<String> lines = Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
            for (String line : lines) {
                if (line.contains("gc,heap,exit")) {
                    Matcher generation = AT_EXIT.matcher(line);
                    if (generation.find()) {
                        exitCommitted += Long.parseLong(generation.group(1));
                        exitUsed += Long.parseLong(generation.group(2));
                    }
                    continue;
                }
                Matcher collection = COLLECTION.matcher(line);
                if (collection.find()) {
                    used = Math.max(used, Long.parseLong(collection.group(1)) * 1024);
                    committed = Math.max(committed, Long.parseLong(collection.group(3)) * 1024);
                }
            }
            return new ProcessMemory(cpu, Long.parseLong(rss.group(1)), Math.max(used, exitUsed),
                    Math.max(committed, exitCommitted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
