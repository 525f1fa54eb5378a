package dev.spoke.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the measurements as a Markdown table (printed at the end of a run and written to results.md) and checks
 * them against the targets of issue 6, per adapter and table size.
 */
final class ResultReport {
    static final double MAX_FULL_SYNC_OVER_COPY = 3.0;
    static final double MAX_NO_CHANGE_SHARE = 0.15;
    static final double MAX_CHANGED_SHARE = 0.25;
    static final long MAX_RSS_MB = 512;

    private ResultReport() {
    }

    static String table(List<Measurement> measurements) {
        StringBuilder text = new StringBuilder()
                .append("| adapter | table rows | run | rows sent | wall s | table rows/s | x COPY | % of full sync"
                        + " | spoke CPU s | peak RSS MB | peak heap MB (used / committed) |\n")
                .append("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Measurement m : measurements) {
            Optional<Measurement> copy = find(measurements, m, Measurement.Kind.BASELINE);
            Optional<Measurement> full = find(measurements, m, Measurement.Kind.FULL_SYNC);
            text.append("| ").append(m.adapter())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", m.tableRows()))
                    .append(" | ").append(m.run())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", m.rowsSent()))
                    .append(" | ").append(format("%.2f", m.seconds()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", m.tableRowsPerSecond()))
                    .append(" | ").append(copy.map(c -> format("%.1f", m.seconds() / c.seconds())).orElse("-"))
                    .append(" | ").append(m.kind() == Measurement.Kind.BASELINE || m.kind() == Measurement.Kind.FULL_SYNC
                            ? "-" : full.map(f -> format("%.0f%%", 100 * m.seconds() / f.seconds())).orElse("-"))
                    .append(" | ").append(m.memory().map(mem -> format("%.1f", mem.cpuSeconds())).orElse("-"))
                    .append(" | ").append(m.memory().map(mem -> String.valueOf(mem.peakRssKb() / 1024)).orElse("-"))
                    .append(" | ").append(m.memory().map(mem -> mem.peakHeapUsedKb() / 1024 + " / "
                            + mem.peakHeapCommittedKb() / 1024).orElse("-"))
                    .append(" |\n");
        }
        return text.toString();
    }

    /** One line per target and table: the figure, the limit, and whether it is met. */
    static String targets(List<Measurement> measurements) {
        List<String> lines = new ArrayList<>();
        for (Measurement full : measurements) {
            if (full.kind() != Measurement.Kind.FULL_SYNC) {
                continue;
            }
            String where = full.adapter() + " " + String.format(Locale.ROOT, "%,d", full.tableRows()) + " rows: ";
            find(measurements, full, Measurement.Kind.BASELINE).ifPresent(copy -> lines.add(check(where
                    + "full sync to the receiver / COPY", full.seconds() / copy.seconds(), MAX_FULL_SYNC_OVER_COPY,
                    "%.2fx")));
            find(measurements, full, Measurement.Kind.NO_CHANGE).ifPresent(m -> lines.add(check(where
                    + "no-change rerun / full sync", m.seconds() / full.seconds(), MAX_NO_CHANGE_SHARE, "%.2f")));
            find(measurements, full, Measurement.Kind.CHANGED).ifPresent(m -> lines.add(check(where
                    + "1%-changed rerun / full sync", m.seconds() / full.seconds(), MAX_CHANGED_SHARE, "%.2f")));
            long peakRss = measurements.stream()
                    .filter(m -> same(m, full) && m.memory().isPresent())
                    .mapToLong(m -> m.memory().get().peakRssKb() / 1024).max().orElse(0);
            lines.add(check(where + "highest peak RSS (MB) of its spoke runs", peakRss, MAX_RSS_MB, "%.0f"));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String check(String what, double value, double limit, String pattern) {
        return "- " + what + ": " + format(pattern, value) + " (target <= " + format(pattern, limit) + ") "
                + (value <= limit ? "MET" : "MISSED");
    }

    private static Optional<Measurement> find(List<Measurement> all, Measurement like, Measurement.Kind kind) {
        return all.stream().filter(m -> same(m, like) && m.kind() == kind).findFirst();
    }

    private static boolean same(Measurement a, Measurement b) {
        return a.adapter().equals(b.adapter()) && a.tableRows() == b.tableRows();
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
