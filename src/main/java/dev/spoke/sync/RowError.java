package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

/**
 * A row that was not delivered, as reported in run results (the first few of each export) and the sync log (all).
 *
 * @param key the key text as the user reads it, or {@code null} for a NULL key
 * @param operation insert, update or delete
 * @param kind {@code rejected} (by the destination) or {@code invalid} (never sent)
 * @param reason why
 */
public record RowError(String key, String operation, String kind, String reason) {
    public RowError {
        requireNonNull(operation, "operation is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(reason, "reason is null");
    }
}
