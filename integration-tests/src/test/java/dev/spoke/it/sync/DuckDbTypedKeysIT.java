package dev.spoke.it.sync;

/** {@link TypedKeysContract} on a DuckDB file, state in it. */
class DuckDbTypedKeysIT extends TypedKeysContract {
    private final SyncBackend backend = SyncBackend.duckDb();

    @Override
    SyncBackend backend() {
        return backend;
    }
}
