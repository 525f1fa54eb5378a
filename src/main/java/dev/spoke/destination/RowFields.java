package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapped fields of one outgoing row: one value per field of the export's {@link FieldLayout}, in a plain array.
 * The engine fills it once per row, straight from the warehouse cursor; no tree of objects is built per row.
 *
 * <p>How a destination uses it:
 * <ul>
 *   <li>{@link #writeObject} / {@link #writeMembers}: into the destination's own {@link JsonGenerator}, the fast path
 *       (webhook bodies, JSON Lines, a SaaS body's {@code properties} object);</li>
 *   <li>{@link #value} / {@link #text}: one field, by its destination name (an email to hash, an id property);</li>
 *   <li>{@link #flatten}: every leaf under its dotted name (CSV columns);</li>
 *   <li>{@link #toTree}: an {@link ObjectNode}, for a destination whose body needs reshaping (it costs a tree).</li>
 * </ul>
 * Values are those {@link JsonScalars} lists. Immutable once built; safe to read from any thread. Two instances are
 * equal when they hold the same fields with the same JSON values (their trees are equal).
 */
public final class RowFields {
    private final FieldLayout layout;
    private final Object[] values;

    private RowFields(FieldLayout layout, Object[] values) {
        this.layout = requireNonNull(layout, "layout is null");
        this.values = requireNonNull(values, "values is null");
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("the layout has " + layout.size() + " fields but the row "
                    + values.length + " values");
        }
    }

    /**
     * Fields with these values. The array is taken as it is, not copied: the caller hands it over and never changes
     * it again (the engine allocates one array per row).
     */
    public static RowFields of(FieldLayout layout, Object[] values) {
        return new RowFields(layout, values);
    }

    /**
     * The members of a JSON object as fields, one value per top-level member (a nested object is one value, as a
     * struct column is): for tests, tools and messages that are not rows of a model.
     */
    public static RowFields fromTree(ObjectNode object) {
        List<List<String>> paths = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        requireNonNull(object, "object is null").properties().forEach(member -> {
            paths.add(List.of(member.getKey()));
            values.add(member.getValue());
        });
        return new RowFields(FieldLayout.ofPaths(paths), values.toArray());
    }

    public FieldLayout layout() {
        return layout;
    }

    /** Writes the fields as one JSON object. */
    public void writeObject(JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        layout.writeMembers(generator, values);
        generator.writeEndObject();
    }

    /** Writes the fields as members of the object the caller has opened (beside members of its own). */
    public void writeMembers(JsonGenerator generator) throws IOException {
        layout.writeMembers(generator, values);
    }

    /**
     * Whether the row has {@code field}: a mapped field of that dotted name ({@code merge_fields.FNAME}), or a member
     * inside a nested value ({@code merge_fields} sent as an object holding {@code FNAME}).
     */
    public boolean has(String field) {
        return find(field) != MISSING;
    }

    /**
     * The value of {@code field}, found as {@link #has} says: a scalar of {@link JsonScalars}, or a {@link JsonNode}
     * for nested values and JSON columns; {@code null} for SQL NULL.
     *
     * @throws IllegalArgumentException when the row has no such field
     */
    public Object value(String field) {
        Object value = find(field);
        if (value == MISSING) {
            throw new IllegalArgumentException("the row has no field " + field + "; its fields are " + layout.fields());
        }
        return readable(value);
    }

    /** A value as destinations read it: JSON text parsed, a JSON null as {@code null}. */
    private static Object readable(Object value) {
        if (value instanceof RawJson) {
            return JsonScalars.toNode(value);
        }
        return value instanceof JsonNode node && node.isNull() ? null : value;
    }

    private static final Object MISSING = new Object();

    /** The field's value: by its own name, else inside the nested value of its longest dotted prefix. */
    private Object find(String field) {
        int index = layout.indexOf(requireNonNull(field, "field is null"));
        if (index >= 0) {
            return values[index];
        }
        for (int dot = field.lastIndexOf('.'); dot > 0; dot = field.lastIndexOf('.', dot - 1)) {
            int parent = layout.indexOf(field.substring(0, dot));
            if (parent >= 0) {
                JsonNode node = JsonScalars.toNode(values[parent]);
                for (String part : field.substring(dot + 1).split("\\.", -1)) {
                    node = node.path(part);
                }
                return node.isMissingNode() ? MISSING : node.isNull() ? null : node;
            }
        }
        return MISSING;
    }

    /** The value of {@code field} as text (numbers in plain notation, nested values as JSON), or null for NULL. */
    public String text(String field) {
        return JsonScalars.text(value(field));
    }

    /**
     * Every value under its dotted field name, in the order the fields are written. A nested value (a struct column,
     * a JSON object) stays one value: a caller that flattens further (CSV) descends into it.
     */
    public Map<String, Object> flatten() {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (int index : layout.writeOrder()) {
            Object value = values[index];
            flat.put(layout.fields().get(index), readable(value));
        }
        return flat;
    }

    /** The fields as a tree: nested objects for dotted names. */
    public ObjectNode toTree() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int index : layout.writeOrder()) {
            List<String> path = layout.path(index);
            ObjectNode parent = root;
            for (int i = 0; i < path.size() - 1; i++) {
                JsonNode child = parent.get(path.get(i));
                parent = child instanceof ObjectNode object ? object : parent.putObject(path.get(i));
            }
            parent.set(path.get(path.size() - 1), JsonScalars.toNode(values[index]));
        }
        return root;
    }

    /** The destination field names, in layout order. */
    public List<String> fieldNames() {
        return layout.fields();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowFields fields && toTree().equals(fields.toTree());
    }

    @Override
    public int hashCode() {
        return toTree().hashCode();
    }

    @Override
    public String toString() {
        return toTree().toString();
    }

    /** A copy of the values, for tests. */
    List<Object> values() {
        return new ArrayList<>(Arrays.asList(values));
    }
}
