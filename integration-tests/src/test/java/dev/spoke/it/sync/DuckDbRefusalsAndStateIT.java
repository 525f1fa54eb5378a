package dev.spoke.it.sync;

/** {@link RefusalsAndStateContract} on a DuckDB file, state in it. */
class DuckDbRefusalsAndStateIT extends RefusalsAndStateContract {
    private final SyncBackend backend = SyncBackend.duckDb();

    @Override
    SyncBackend backend() {
        return backend;
    }
}
