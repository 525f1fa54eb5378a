package dev.spoke.it.sync;

import dev.spoke.it.support.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TypedKeysContract} on PostgreSQL, state in the warehouse. */
class PostgresTypedKeysIT extends TypedKeysContract {
    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    private final SyncBackend backend = SyncBackend.postgres(SCHEMA);

    @Override
    SyncBackend backend() {
        return backend;
    }
}
