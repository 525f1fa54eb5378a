package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One dbt model as read from the manifest: everything spoke needs and nothing else.
 *
 * @param uniqueId e.g. {@code model.jaffle_shop.customers} or {@code model.jaffle_shop.dim_customers.v2}
 * @param name the model name (without version)
 * @param packageName the dbt package (project) the model belongs to
 * @param version the model version, or {@code null} for an unversioned model
 * @param latestVersion the latest version of a versioned model, or {@code null}
 * @param relation where the model is materialized
 * @param relationName dbt's rendered, quoted relation name, or one built from {@code metadata.quoting} when the
 *     manifest has none (v4); for display and for matching, never spliced into SQL
 * @param materialization {@code table}, {@code view}, {@code incremental}, {@code ephemeral}, ...
 * @param uniqueKey the configured {@code unique_key} columns, empty when none
 * @param columns documented columns by name, in documented order
 * @param constraints model-level constraints
 * @param contractEnforced whether the model's contract is enforced
 * @param tags the model's tags
 * @param fqn fully qualified name, e.g. {@code [jaffle_shop, marts, customers]}
 * @param path the file path relative to the models directory (what {@code path:} selection matches, with fqn)
 * @param originalFilePath the SQL file, e.g. {@code models/marts/customers.sql}
 * @param patchPath the properties file, e.g. {@code jaffle_shop://models/marts/schema.yml}, or {@code null}
 * @param meta {@code config.meta} when present and non-empty, else the node's {@code meta}; an empty object when none
 * @param dependsOn unique ids of the nodes this model depends on
 * @param enabled false for models under the manifest's {@code disabled} map
 * @param dbtPrimaryKey the node's {@code primary_key} as dbt 1.8+ infers it (manifest v12): from primary_key
 *     constraints, else from columns tested {@code unique} and {@code not_null}, else from a
 *     {@code unique_combination_of_columns} test; empty before v12 or when dbt found none
 * @param config the node's {@code config} object as written by dbt (what {@code config.<key>:} selection reads), an
 *     empty object when none
 */
public record Model(
        String uniqueId,
        String name,
        String packageName,
        String version,
        String latestVersion,
        Relation relation,
        String relationName,
        String materialization,
        List<String> uniqueKey,
        Map<String, Column> columns,
        List<Constraint> constraints,
        boolean contractEnforced,
        List<String> tags,
        List<String> fqn,
        String path,
        String originalFilePath,
        String patchPath,
        ObjectNode meta,
        List<String> dependsOn,
        boolean enabled,
        List<String> dbtPrimaryKey,
        ObjectNode config) {

    public Model {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(name, "name is null");
        requireNonNull(packageName, "packageName is null");
        requireNonNull(relation, "relation is null");
        requireNonNull(relationName, "relationName is null");
        requireNonNull(materialization, "materialization is null");
        uniqueKey = List.copyOf(uniqueKey);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        constraints = List.copyOf(constraints);
        tags = List.copyOf(tags);
        fqn = List.copyOf(fqn);
        requireNonNull(originalFilePath, "originalFilePath is null");
        requireNonNull(meta, "meta is null");
        dependsOn = List.copyOf(dependsOn);
        dbtPrimaryKey = List.copyOf(dbtPrimaryKey);
        requireNonNull(config, "config is null");
    }


    /**
     * The file a user edits to change this model's config: the properties file (schema.yml) when there is one,
     * else the SQL file. Without dbt's {@code package://} prefix.
     */
    public String propertiesFile() {
        if (patchPath != null && !patchPath.isEmpty()) {
            int sep = patchPath.indexOf("://");
            return sep >= 0 ? patchPath.substring(sep + 3) : patchPath;
        }
        return originalFilePath;
    }

    /** The name users select and see: {@code name}, or {@code name.v2} for a versioned model. */
    public String displayName() {
        return version == null ? name : name + ".v" + version;
    }

    /**
     * The primary key from the model's constraints: a model-level {@code primary_key} constraint, else every column
     * with a column-level {@code primary_key} constraint, else the key dbt inferred ({@link #dbtPrimaryKey()}, which
     * also counts columns tested {@code unique} and {@code not_null}); empty when none.
     */
    public List<String> primaryKey() {
        for (Constraint constraint : constraints) {
            if (constraint.type().equalsIgnoreCase("primary_key") && !constraint.columns().isEmpty()) {
                return constraint.columns();
            }
        }
        List<String> keyColumns = new ArrayList<>();
        for (Column column : columns.values()) {
            if (column.hasConstraint("primary_key")) {
                keyColumns.add(column.name());
            }
        }
        return keyColumns.isEmpty() ? dbtPrimaryKey : List.copyOf(keyColumns);
    }

    /** A documented column by name, matched case-insensitively as warehouses fold unquoted names. */
    public Optional<Column> column(String columnName) {
        Column exact = columns.get(columnName);
        if (exact != null) {
            return Optional.of(exact);
        }
        return columns.values().stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public boolean isEphemeral() {
        return materialization.equalsIgnoreCase("ephemeral");
    }
}
