package dev.spoke.config;

import dev.spoke.SpokeException;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.OptionValidator;
import java.util.Optional;

/**
 * Checks a connection's options (what spoke.yml says besides {@code type}, {@code rate_limit} and {@code delivery})
 * against its type's declared connection options, and builds what a factory creates a destination from.
 */
public final class ConnectionOptions {
    private ConnectionOptions() {
    }

    /** The connection's options, converted to their declared types, with defaults; and the problems. */
    public static OptionValidator.Result validate(ConnectionSpec connection, DestinationFactory factory) {
        return OptionValidator.validate(factory.connectionOptions(), connection.options(),
                SpokeYmlSettings.CONNECTION_KEYS);
    }

    /**
     * What {@link DestinationFactory#create} builds the export's destination from.
     *
     * @throws SpokeException (CONFIG_ERROR) when the connection's options are not valid, e.g. an option whose
     *     environment variable is not set
     */
    public static DestinationSpec destinationSpec(Export export) {
        OptionValidator.Result connection = validate(export.connection(), export.factory());
        if (!connection.isValid()) {
            throw SpokeException.config("connection '" + export.connection().name() + "' in spoke.yml cannot be"
                            + " used: " + String.join("; ", connection.problems()),
                    "Fix the connection in spoke.yml (`spoke validate` lists every problem)");
        }
        return spec(export, connection);
    }

    /** The spec, when the connection's options are valid (its secrets present); else empty, the problems reported. */
    static Optional<DestinationSpec> destinationSpecIfValid(Export export) {
        OptionValidator.Result connection = validate(export.connection(), export.factory());
        return connection.isValid() ? Optional.of(spec(export, connection)) : Optional.empty();
    }

    private static DestinationSpec spec(Export export, OptionValidator.Result connection) {
        return new DestinationSpec(export.connection().name(), connection.options(), export.exportOptions(),
                export.descriptor());
    }
}
