package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.config.Secret;
import dev.spoke.dbt.ProfileTarget;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The JDBC form of a dbt-postgres profile target: host, port (5432), user, password (or pass), dbname (or database),
 * sslmode, sslcert, sslkey, sslrootcert, connect_timeout (10 s), keepalives_idle, search_path, role and
 * application_name, read as dbt-postgres reads them. The password goes into the connection properties, never into
 * the URL or a message.
 *
 * <p>pgjdbc cannot set the keepalive idle time; TCP keepalives are always on, as libpq turns them on by default.
 */
record PostgresTarget(String host, int port, String database, String user, Optional<Secret> password,
        Properties options, Optional<String> role, String where) {
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    private static final int DEFAULT_PORT = 5432;
    private static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    PostgresTarget {
        requireNonNull(host, "host is null");
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        Properties copy = new Properties();
        copy.putAll(requireNonNull(options, "options is null"));
        options = copy;
        requireNonNull(role, "role is null");
        requireNonNull(where, "where is null");
    }

    static PostgresTarget from(ProfileTarget target, AccessMode mode) {
        String where = WarehouseConnector.where(target);
        String host = required(target, where, "host");
        int port = integer(target, where, "port").orElse(DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            throw SpokeException.config("port " + port + where + " is not a TCP port", "use a port from 1 to 65535");
        }
        String database = target.string("dbname").or(() -> target.string("database"))
                .filter(value -> !value.isBlank()).orElseThrow(() -> missing(where, "dbname"));
        String user = required(target, where, "user");
        Optional<Secret> password = target.secret("password").or(() -> target.secret("pass"));

        Properties options = new Properties();
        options.setProperty("connectTimeout", String.valueOf(
                integer(target, where, "connect_timeout").orElse(DEFAULT_CONNECT_TIMEOUT_SECONDS)));
        options.setProperty("tcpKeepAlive", "true");
        options.setProperty("ApplicationName", target.string("application_name").orElse("spoke"));
        Optional<String> sslMode = target.string("sslmode");
        if (sslMode.isPresent()) {
            if (!SSL_MODES.contains(sslMode.get())) {
                throw SpokeException.config("sslmode '" + sslMode.get() + "'" + where + " is not an SSL mode",
                        "use one of disable, allow, prefer, require, verify-ca, verify-full");
            }
            options.setProperty("sslmode", sslMode.get());
        }
        target.string("sslcert").ifPresent(value -> options.setProperty("sslcert", value));
        target.string("sslkey").ifPresent(value -> options.setProperty("sslkey", value));
        target.string("sslrootcert").ifPresent(value -> options.setProperty("sslrootcert", value));
        target.string("search_path").ifPresent(value -> options.setProperty("currentSchema", value));
        if (mode == AccessMode.READ_ONLY) {
            options.setProperty("readOnly", "true");
            options.setProperty("readOnlyMode", "always");
        }
        return new PostgresTarget(host, port, database, user, password, options, target.string("role"), where);
    }

    /** {@code jdbc:postgresql://host:port/database}, the database URL-encoded; no user, no password. */
    String jdbcUrl() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** The connection properties: the options, the user and, if any, the password. */
    Properties properties() {
        Properties properties = new Properties();
        properties.putAll(options);
        properties.setProperty("user", user);
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        return properties;
    }

    /** Statements after connecting: the dialect's session setup, then {@code SET ROLE} when the target has a role. */
    List<String> sessionSql() {
        List<String> sql = new ArrayList<>(PostgresDialect.INSTANCE.sessionSetup());
        role.ifPresent(name -> sql.add("SET ROLE " + PostgresDialect.INSTANCE.quoteIdentifier(name)));
        return sql;
    }

    String description() {
        return "PostgreSQL at " + host + ":" + port + ", database '" + database + "' as user '" + user + "'";
    }

    @Override
    public String toString() {
        return description() + where;
    }

    private static String required(ProfileTarget target, String where, String field) {
        return target.string(field).filter(value -> !value.isBlank()).orElseThrow(() -> missing(where, field));
    }

    private static SpokeException missing(String where, String field) {
        return SpokeException.config("the postgres target" + where + " has no " + field,
                "add " + field + " to the target in profiles.yml, as dbt-postgres requires");
    }

    private static Optional<Integer> integer(ProfileTarget target, String where, String field) {
        try {
            return target.integer(field);
        } catch (IllegalArgumentException e) {
            throw SpokeException.config(field + where + " must be a number, got '" + target.string(field).orElse("")
                    + "'", "set " + field + " to a whole number");
        }
    }
}
