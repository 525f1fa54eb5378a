package dev.spoke.state;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code sync_log}: a row that was not delivered, and why.
 *
 * @param key the key text, or {@code null} for a row whose key is NULL
 * @param operation {@code insert}, {@code update}, {@code delete}
 * @param status {@code rejected} (the destination refused it) or {@code invalid} (spoke did not send it)
 * @param error the reason, in the destination's words where it gave some
 */
public record LogEntry(String key, String operation, String status, String error) {
    public static final String REJECTED = "rejected";
    public static final String INVALID = "invalid";

    public LogEntry {
        requireNonNull(operation, "operation is null");
        requireNonNull(status, "status is null");
    }
}
