package dev.spoke.warehouse;

import dev.spoke.SpokeException;
import dev.spoke.config.SecretRedactor;
import java.sql.SQLException;

/**
 * Turns a failure to connect into one message saying where spoke tried to connect (never with a password) and a hint
 * chosen from the driver's SQLState or message.
 */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /**
     * @param description the warehouse, e.g. {@code PostgreSQL at db:5432, database 'analytics' as user 'spoke'}
     * @param where where its settings come from, e.g. {@code  (profile 'shop' target 'prod' in profiles.yml)}, or
     *     empty
     */
    static SpokeException of(Adapter adapter, String description, String where, SQLException cause) {
        String message = "cannot connect to " + description + where + ": " + cause.getMessage();
        return SpokeException.runtime(SecretRedactor.global().redact(message), hint(adapter, cause), cause);
    }

    private static String hint(Adapter adapter, SQLException cause) {
        return switch (adapter) {
            case POSTGRES -> postgresHint(String.valueOf(cause.getSQLState()));
            case DUCKDB -> duckDbHint(String.valueOf(cause.getMessage()));
        };
    }

    private static String postgresHint(String sqlState) {
        return switch (sqlState) {
            case "08001", "08006" -> "check that PostgreSQL is running and reachable at that host and port"
                    + " (host, port and connect_timeout of the profile target)";
            case "28P01", "28000" -> "check the user and password of the profile target"
                    + " (the password usually comes from an environment variable)";
            case "3D000" -> "check dbname (or database) of the profile target: the server has no such database";
            case "08004" -> "the server refused the connection: check sslmode and the server's pg_hba.conf";
            default -> "check the profile target's host, port, user, password, dbname and sslmode; `dbt debug`"
                    + " tests the same settings";
        };
    }

    private static String duckDbHint(String message) {
        if (message.contains("lock")) {
            return "another process (dbt, the DuckDB CLI, an IDE) has the database file open: let it finish or close"
                    + " it, then run spoke again";
        }
        return "check the path of the profile target; `dbt debug` tests the same settings";
    }
}
