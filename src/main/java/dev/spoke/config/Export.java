package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import dev.spoke.dbt.Model;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.Options;
import dev.spoke.destination.SyncMode;
import java.util.List;

/**
 * One validated export: the rows of one model sent to one connection. A model with three entries under
 * {@code meta.destinations} gives three exports.
 *
 * @param id stable, unique, lower-case id ({@code at_risk_customers__support_webhook}): names the export in state
 *     tables, run results, metrics and {@code --select}; never changes while model and connection keep their names
 * @param model the dbt model
 * @param entryIndex the position of the entry in the model's {@code meta.destinations}, from 0
 * @param connection the connection the entry's {@code to:} names
 * @param factory the destination type's factory
 * @param mode the sync mode
 * @param key the key columns, in order
 * @param mapping which columns are sent, under which names
 * @param exportOptions the entry's {@code options:}, validated against the type's export options
 */
public record Export(
        String id,
        Model model,
        int entryIndex,
        ConnectionSpec connection,
        DestinationFactory factory,
        SyncMode mode,
        List<String> key,
        FieldMapping mapping,
        Options exportOptions) {

    public Export {
        requireNonNull(id, "id is null");
        requireNonNull(model, "model is null");
        requireNonNull(connection, "connection is null");
        requireNonNull(factory, "factory is null");
        requireNonNull(mode, "mode is null");
        key = List.copyOf(key);
        requireNonNull(mapping, "mapping is null");
        requireNonNull(exportOptions, "exportOptions is null");
    }

    /** What the destination may know of this export. */
    public ExportDescriptor descriptor() {
        return new ExportDescriptor(id, model.name(), model.uniqueId(), connection.name(), mode, key);
    }
}
