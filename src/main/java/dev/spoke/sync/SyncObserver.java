package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Hears each export of a sync start and end, for what reports on a run while it goes (metrics, progress lines). Called
 * on the engine's thread, one export after another; implementations must be fast and must not throw.
 *
 * <p>Every {@link ExportResult} the run reports passes through {@link #exportFinished} exactly once, the same object
 * that goes into the {@link SyncReport}, so that what an observer counts agrees with spoke_run_results.json.
 */
public interface SyncObserver {

    /** Observes nothing. */
    SyncObserver NONE = new SyncObserver() {
    };

    /**
     * Whether this observer shows each export's total rows. The engine counts the change set first only when that is
     * cheap (the local state backend, or an in-process DuckDB warehouse); otherwise the total stays unknown.
     */
    default boolean wantsTotals() {
        return false;
    }

    /** An export started sending; {@code export.rows()} reads its live counts. Not called for a skipped export. */
    default void exportStarted(LiveExport export) {
    }

    /** An export ended, however it ended (skipped ones included). */
    default void exportFinished(ExportResult result) {
    }

    /** All of {@code observers}, in order. */
    static SyncObserver of(SyncObserver... observers) {
        List<SyncObserver> all = List.of(observers);
        return new SyncObserver() {
            @Override
            public boolean wantsTotals() {
                return all.stream().anyMatch(SyncObserver::wantsTotals);
            }

            @Override
            public void exportStarted(LiveExport export) {
                requireNonNull(export, "export is null");
                all.forEach(observer -> observer.exportStarted(export));
            }

            @Override
            public void exportFinished(ExportResult result) {
                requireNonNull(result, "result is null");
                all.forEach(observer -> observer.exportFinished(result));
            }
        };
    }
}
