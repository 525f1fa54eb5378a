package dev.spoke.sync;

import dev.spoke.SpokeException;
import dev.spoke.config.Export;
import dev.spoke.state.SpecialColumns;
import dev.spoke.warehouse.WarehouseColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Matches the columns an export names (key, mapping) with the columns the model's relation really has, as the
 * warehouse spells them: exact match first, then case-insensitive (warehouses fold unquoted names). Catches at run
 * time what validation could not when the manifest does not document the model's columns.
 */
final class ColumnResolver {
    private final Export export;
    private final List<WarehouseColumn> columns;
    private final List<String> actual;

    ColumnResolver(Export export, List<WarehouseColumn> columns) {
        this.export = export;
        this.columns = List.copyOf(columns);
        this.actual = columns.stream().map(WarehouseColumn::name).toList();
        for (String column : actual) {
            if (SpecialColumns.isSpecial(column)) {
                throw SpokeException.config("model " + export.model().displayName() + " has a column named " + column
                                + ", a name spoke reserves for its change-set queries",
                        "rename the column in the model's SQL");
            }
        }
    }

    /** The sent columns: every column (no mapping) or the mapped ones, as the warehouse names them. */
    List<String> sentColumns() {
        if (export.mapping().isIdentity()) {
            return actual;
        }
        List<String> resolved = new ArrayList<>();
        for (String column : new LinkedHashSet<>(export.mapping().columns())) {
            resolved.add(resolve(column, "mapped column"));
        }
        return List.copyOf(resolved);
    }

    /** The key columns as the warehouse names them. */
    List<String> keyColumns() {
        return export.key().stream().map(column -> resolve(column, "key column")).toList();
    }

    /** The type names of the key columns, as the warehouse reports them, in key order. */
    List<String> keyColumnTypes() {
        List<String> keys = keyColumns();
        return keys.stream().map(key -> columns.stream().filter(column -> column.name().equals(key)).findFirst()
                .orElseThrow().typeName()).toList();
    }

    private String resolve(String column, String role) {
        if (actual.contains(column)) {
            return column;
        }
        return actual.stream()
                .filter(name -> name.equalsIgnoreCase(column))
                .findFirst()
                .orElseThrow(() -> SpokeException.config(
                        "export " + export.id() + ": " + role + " '" + column + "' is not a column of "
                                + export.model().relation() + " (columns: " + String.join(", ", actual) + ")",
                        "fix meta.destinations[" + export.entryIndex() + "] of model " + export.model().displayName()
                                + " in " + export.model().propertiesFile() + ", or run `dbt run` if the model changed"));
    }
}
