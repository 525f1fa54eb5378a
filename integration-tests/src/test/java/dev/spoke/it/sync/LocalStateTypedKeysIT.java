package dev.spoke.it.sync;

import dev.spoke.it.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TypedKeysContract} on PostgreSQL with {@code state.backend: local}. */
class LocalStateTypedKeysIT extends TypedKeysContract {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    private final SyncBackend backend = SyncBackend.postgresWithLocalState(SCHEMA);

    @Override
    SyncBackend backend() {
        return backend;
    }
}
