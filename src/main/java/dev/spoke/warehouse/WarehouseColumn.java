package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A column of a relation or of a query result, as the driver reports it.
 *
 * @param name the column name, unquoted, as stored
 * @param typeName the database's type name: {@code int4}, {@code numeric}, {@code _text} (PostgreSQL);
 *     {@code INTEGER}, {@code DECIMAL(10,2)}, {@code VARCHAR[]} (DuckDB)
 * @param jdbcType the {@link java.sql.Types} code
 */
public record WarehouseColumn(String name, String typeName, int jdbcType) {
    public WarehouseColumn {
        requireNonNull(name, "name is null");
        requireNonNull(typeName, "typeName is null");
    }

    /** The columns of a result, in order. */
    static List<WarehouseColumn> listOf(ResultSetMetaData metaData) throws SQLException {
        List<WarehouseColumn> columns = new ArrayList<>(metaData.getColumnCount());
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(new WarehouseColumn(metaData.getColumnLabel(i), metaData.getColumnTypeName(i),
                    metaData.getColumnType(i)));
        }
        return List.copyOf(columns);
    }
}
