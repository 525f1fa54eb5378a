package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * An export while it runs, as a {@link SyncObserver} sees it.
 *
 * @param exportId the export
 * @param modelName the model's display name
 * @param destination the connection's name
 * @param total rows the export will deal with (rows to send plus invalid rows), when counting them was cheap
 * @param rows the export's counts so far; safe to call from any thread
 */
public record LiveExport(
        String exportId, String modelName, String destination, OptionalLong total, Supplier<RowCounts> rows) {
    public LiveExport {
        requireNonNull(exportId, "exportId is null");
        requireNonNull(modelName, "modelName is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(total, "total is null");
        requireNonNull(rows, "rows is null");
    }

    /** Rows dealt with so far: confirmed, rejected, or set aside as invalid. */
    public long done() {
        RowCounts counts = rows.get();
        return counts.delivered() + counts.rejected() + counts.invalid();
    }
}
