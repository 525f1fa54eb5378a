package dev.spoke.it.sync;

/** {@link ChangeDetectionContract} on a DuckDB file, state in it. */
class DuckDbChangeDetectionIT extends ChangeDetectionContract {
    private final SyncBackend backend = SyncBackend.duckDb();

    @Override
    SyncBackend backend() {
        return backend;
    }
}
