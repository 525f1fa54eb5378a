package dev.spoke.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * spoke's log of what a run does: one event per line, human-readable on a terminal or JSON for log collectors
 * ({@code --log-format json}). Every line passes through the secret redactor. Thread-safe.
 */
public interface RunLog {

    /** Severity of an event. */
    enum Level { DEBUG, INFO, WARN, ERROR }

    /**
     * Logs one event.
     *
     * @param level severity
     * @param event a stable, machine-readable name, e.g. {@code export.started}, {@code rows.rejected}
     * @param message one line for people
     * @param fields structured context (export, destination, counts); never secrets
     */
    void log(Level level, String event, String message, Map<String, Object> fields);

    default void info(String event, String message, Map<String, Object> fields) {
        log(Level.INFO, event, message, fields);
    }

    default void warn(String event, String message, Map<String, Object> fields) {
        log(Level.WARN, event, message, fields);
    }

    default void error(String event, String message, Map<String, Object> fields) {
        log(Level.ERROR, event, message, fields);
    }

    /** A log that adds the given fields (run id, export, destination) to every event. */
    default RunLog with(Map<String, Object> context) {
        RunLog parent = this;
        return (level, event, message, fields) -> {
            Map<String, Object> merged = new LinkedHashMap<>(context);
            merged.putAll(fields);
            parent.log(level, event, message, merged);
        };
    }

    /** Discards everything; for tests and library use. */
    RunLog NONE = (level, event, message, fields) -> { };
}
