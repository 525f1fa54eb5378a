package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A column as documented in the model's properties file and written into the manifest.
 *
 * @param name the column name as written in schema.yml
 * @param dataType the declared data type, or {@code null} when undocumented
 * @param description the description, empty when none
 * @param constraints column-level constraints (not_null, unique, primary_key, ...)
 * @param meta the column's meta, an empty object when none
 */
public record Column(String name, String dataType, String description, List<Constraint> constraints, ObjectNode meta) {
    public Column {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        constraints = List.copyOf(constraints);
        requireNonNull(meta, "meta is null");
    }

    public boolean hasConstraint(String type) {
        return constraints.stream().anyMatch(c -> c.type().equalsIgnoreCase(type));
    }
}
