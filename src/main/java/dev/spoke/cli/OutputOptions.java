package dev.spoke.cli;

import dev.spoke.report.JsonRunLog;
import dev.spoke.report.RunLog;
import dev.spoke.report.TextRunLog;
import java.io.PrintStream;
import java.time.Clock;
import picocli.CommandLine.Option;

/** How a command logs: human lines or JSON lines on stderr. */
final class OutputOptions {
    enum LogFormat { text, json }

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text (default) or json: one JSON object per line on stderr, for log collectors.")
    LogFormat logFormat = LogFormat.text;

    @Option(names = "--debug", description = "Log debug events and print stack traces of unexpected errors.")
    boolean debug;

    RunLog log(PrintStream err, Clock clock) {
        RunLog.Level level = debug ? RunLog.Level.DEBUG : RunLog.Level.INFO;
        return logFormat == LogFormat.json ? new JsonRunLog(err, clock, level) : new TextRunLog(err, clock, level);
    }
}
