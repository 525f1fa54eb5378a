package dev.spoke.report.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The text of one progress line: {@code orders -> crm  1,200 of 5,000 rows (24%)  850 rows/s  ETA 0:04}. Without a
 * total, rows done and the rate only. Pure: the same figures give the same text.
 */
final class ProgressLine {
    private ProgressLine() {
    }

    /**
     * @param label the export and destination, e.g. {@code orders -> crm}
     * @param done rows dealt with so far
     * @param total rows to deal with, when known
     * @param elapsed time since the export started sending
     */
    static String render(String label, long done, OptionalLong total, Duration elapsed) {
        StringBuilder line = new StringBuilder(label).append("  ").append(number(done));
        double seconds = elapsed.toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        if (total.isPresent()) {
            long all = total.getAsLong();
            long percent = all == 0 ? 100 : Math.min(100, done * 100 / all);
            line.append(" of ").append(number(all)).append(" rows (").append(percent).append("%)");
        } else {
            line.append(" rows");
        }
        line.append("  ").append(number(Math.round(rate))).append(" rows/s");
        if (total.isPresent() && rate > 0) {
            long left = Math.max(0, total.getAsLong() - done);
            line.append("  ETA ").append(clock(Math.round(left / rate)));
        }
        return line.toString();
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 0:04}, {@code 12:30}, {@code 1:02:03}. */
    static String clock(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
