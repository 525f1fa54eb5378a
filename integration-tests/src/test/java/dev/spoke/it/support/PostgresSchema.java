package dev.spoke.it.support;

import dev.spoke.dbt.Relation;
import dev.spoke.warehouse.Dialect;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of its own for one test class on the {@link PostgresServer}, created before its tests and dropped (with
 * everything in it) after them. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresSchema SCHEMA = new PostgresSchema();
 * ...
 * Relation orders = SCHEMA.relation("orders");
 * }</pre>
 *
 * Skips the class when no server is available (see {@link PostgresServer#get()}).
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private PostgresServer server;
    private String name;

    /** A schema named {@code it_<test class>_<random>}. */
    public PostgresSchema() {
        this(null);
    }

    /**
     * @param prefix the start of the schema name, e.g. {@code "Mixed Case"} for a name that needs quoting; {@code
     *     null} for {@code it_<test class>}
     */
    public PostgresSchema(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PostgresServer.get();
        String start = prefix != null ? prefix
                : "it_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        name = start + "_" + UUID.randomUUID().toString().substring(0, 8);
        server.execute("CREATE SCHEMA " + quote(name));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (name != null) {
            server.execute("DROP SCHEMA IF EXISTS " + quote(name) + " CASCADE");
        }
    }

    public PostgresServer server() {
        return server;
    }

    /** The schema name, unquoted. */
    public String name() {
        return name;
    }

    /** A relation in this schema (no database part: the server's current database). */
    public Relation relation(String table) {
        return new Relation(null, name, table);
    }

    private static String quote(String identifier) {
        return Dialect.postgres().quoteIdentifier(identifier);
    }
}
