package dev.spoke.report;

import static java.util.Objects.requireNonNull;

import dev.spoke.config.SecretRedactor;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Human-readable log lines: {@code 09:14:02  WARN  at_risk_customers -> crm: message}. */
public final class TextRunLog implements RunLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final Clock clock;
    private final Level minimum;

    public TextRunLog(PrintStream out, Clock clock, Level minimum) {
        this.out = requireNonNull(out, "out is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.minimum = requireNonNull(minimum, "minimum is null");
    }

    @Override
    public void log(Level level, String event, String message, Map<String, Object> fields) {
        if (level.compareTo(minimum) < 0) {
            return;
        }
        StringBuilder line = new StringBuilder(LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME))
                .append("  ").append(String.format("%-5s", level)).append("  ");
        Object export = fields.get("export");
        if (export != null) {
            line.append(export).append(": ");
        }
        line.append(message);
        synchronized (out) {
            out.println(SecretRedactor.global().redact(line.toString()));
        }
    }
}
