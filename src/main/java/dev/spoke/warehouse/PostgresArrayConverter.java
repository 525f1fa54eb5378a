package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A PostgreSQL array as a JSON array. Elements are read through {@link Array#getResultSet()}, whose value column
 * carries the element type, so each element goes through the same converter as a plain column of that type (a
 * timestamptz element is an instant, not a JVM-local {@code java.sql.Timestamp}). Multi-dimensional arrays nest.
 */
final class PostgresArrayConverter implements ValueConverter {
    /** In the result set of an array: column 1 is the index, column 2 the element. */
    private static final int ELEMENT = 2;

    private final ValueConverter element;

    PostgresArrayConverter(ValueConverter element) {
        this.element = requireNonNull(element, "element is null");
    }

    @Override
    public JsonNode read(ResultSet resultSet, int column) throws SQLException {
        Array array = resultSet.getArray(column);
        if (array == null) {
            return NullNode.getInstance();
        }
        try (ResultSet elements = array.getResultSet()) {
            ValueConverter converter = elements.getMetaData().getColumnType(ELEMENT) == Types.ARRAY ? this : element;
            ArrayNode node = JsonNodeFactory.instance.arrayNode();
            while (elements.next()) {
                node.add(converter.read(elements, ELEMENT));
            }
            return node;
        } finally {
            array.free();
        }
    }
}
