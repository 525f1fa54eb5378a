package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a destination may know of the export it serves.
 *
 * @param exportId the stable export id, e.g. {@code at_risk_customers__support_webhook}
 * @param modelName the dbt model's name, e.g. {@code at_risk_customers}
 * @param modelUniqueId e.g. {@code model.shop.at_risk_customers}
 * @param connectionName the connection in spoke.yml, e.g. {@code support_webhook}
 * @param mode the sync mode
 * @param keyColumns the key columns of the model, in order
 */
public record ExportDescriptor(
        String exportId, String modelName, String modelUniqueId, String connectionName, SyncMode mode,
        List<String> keyColumns) {
    public ExportDescriptor {
        requireNonNull(exportId, "exportId is null");
        requireNonNull(modelName, "modelName is null");
        requireNonNull(modelUniqueId, "modelUniqueId is null");
        requireNonNull(connectionName, "connectionName is null");
        requireNonNull(mode, "mode is null");
        keyColumns = List.copyOf(keyColumns);
    }
}
