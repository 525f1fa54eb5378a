package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a model is materialized: database (catalog), schema and identifier (the model's alias). Each part is the
 * raw name as dbt knows it; quoting for SQL is the warehouse dialect's job, never done here.
 *
 * @param database the catalog, or {@code null} where the adapter has none
 * @param schema the schema, never null
 * @param identifier the table or view name (dbt's alias), never null
 */
public record Relation(String database, String schema, String identifier) {
    public Relation {
        requireNonNull(schema, "schema is null");
        requireNonNull(identifier, "identifier is null");
    }

    /** The non-null parts, outermost first: what a dialect quotes and joins with dots. */
    public List<String> parts() {
        List<String> parts = new ArrayList<>(3);
        if (database != null && !database.isEmpty()) {
            parts.add(database);
        }
        parts.add(schema);
        parts.add(identifier);
        return List.copyOf(parts);
    }

    /** A readable, unquoted {@code database.schema.identifier}, for messages only (never for SQL). */
    @Override
    public String toString() {
        return String.join(".", parts());
    }
}
