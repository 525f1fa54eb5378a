package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

/**
 * What a factory builds a destination from: the connection's options (spoke.yml) and the export's options
 * (meta.destinations[].options), both already validated against the factory's {@link OptionSpec}s.
 *
 * @param connectionName the connection in spoke.yml
 * @param connection the connection's options
 * @param exportOptions the export's options
 * @param export the export the destination will serve
 */
public record DestinationSpec(String connectionName, Options connection, Options exportOptions, ExportDescriptor export) {
    public DestinationSpec {
        requireNonNull(connectionName, "connectionName is null");
        requireNonNull(connection, "connection is null");
        requireNonNull(exportOptions, "exportOptions is null");
        requireNonNull(export, "export is null");
    }
}
