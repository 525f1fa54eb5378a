package dev.spoke.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column of a result set's current row as exact JSON. Chosen once per column from the result metadata
 * (never per value); returns {@link com.fasterxml.jackson.databind.node.NullNode} for SQL NULL.
 */
@FunctionalInterface
interface ValueConverter {
    JsonNode read(ResultSet resultSet, int column) throws SQLException;
}
