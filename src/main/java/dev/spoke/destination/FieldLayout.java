package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of an export's outgoing fields, compiled once per export from its mapping: which destination field
 * (dotted names nest: {@code merge_fields.FNAME}) each value of a {@link RowFields} goes to, and the tree of JSON
 * objects they make. Writing a row walks this tree and the row's values; field names are pre-encoded, so a row costs
 * no map, no tree and no string encoding of names. Immutable and thread-safe.
 */
public final class FieldLayout {
    private final List<List<String>> paths;
    private final List<String> fields;
    private final Map<String, Integer> indexOfField;
    private final Node root;

    private FieldLayout(List<List<String>> paths) {
        this.paths = paths.stream().map(List::copyOf).toList();
        this.fields = this.paths.stream().map(path -> String.join(".", path)).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        Node top = new Node(null, -1);
        for (int i = 0; i < this.fields.size(); i++) {
            String field = this.fields.get(i);
            if (index.put(field, i) != null) {
                throw new IllegalArgumentException("field " + field + " is mapped twice");
            }
            top.add(this.paths.get(i), 0, i, field);
        }
        this.indexOfField = Collections.unmodifiableMap(index);
        this.root = top;
    }

    /**
     * @param fields the destination field of each value, in value order; dotted names nest
     * @throws IllegalArgumentException when a field is named twice, has an empty part, or is both a value and an
     *     object ({@code a} and {@code a.b})
     */
    public static FieldLayout of(List<String> fields) {
        return new FieldLayout(requireNonNull(fields, "fields is null").stream()
                .map(field -> List.of(field.split("\\.", -1))).toList());
    }

    /**
     * A layout from each value's path of nested object names: {@code [merge_fields, FNAME]}, or {@code [a.b]} for
     * a column whose own name has a dot in it and is sent under that name. A field's name is its path joined by dots.
     *
     * @throws IllegalArgumentException as {@link #of}
     */
    public static FieldLayout ofPaths(List<List<String>> paths) {
        return new FieldLayout(requireNonNull(paths, "paths is null"));
    }

    /** The path of nested object names of the value at {@code index}. */
    public List<String> path(int index) {
        return paths.get(index);
    }

    /** The destination field of each value, in value order. */
    public List<String> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    /** The index of the value of {@code field} (its full dotted name), or -1 when the layout has no such field. */
    public int indexOf(String field) {
        Integer index = indexOfField.get(field);
        return index == null ? -1 : index;
    }

    /** Writes the members of the top-level object (the caller has opened an object). */
    void writeMembers(JsonGenerator generator, Object[] values) throws IOException {
        root.writeChildren(generator, values);
    }

    /** A field, or an object of fields: one level of the tree. */
    private static final class Node {
        private final SerializableString name;
        private final int valueIndex;
        private final Map<String, Node> children = new LinkedHashMap<>();
        private Node[] ordered = new Node[0];

        Node(String name, int valueIndex) {
            this.name = name == null ? null : new SerializedString(name);
            this.valueIndex = valueIndex;
        }

        void add(List<String> path, int depth, int index, String field) {
            String part = path.get(depth);
            if (part.isEmpty()) {
                throw new IllegalArgumentException("field " + field + " has an empty part; write names like a.b");
            }
            boolean leaf = depth == path.size() - 1;
            Node child = children.get(part);
            if (child == null) {
                child = new Node(part, leaf ? index : -1);
                children.put(part, child);
                ordered = children.values().toArray(Node[]::new);
            } else if (leaf || child.valueIndex >= 0) {
                throw new IllegalArgumentException("field " + field + " clashes with another mapped field: a name"
                        + " cannot be both a value and an object of fields");
            }
            if (!leaf) {
                child.add(path, depth + 1, index, field);
            }
        }

        void writeChildren(JsonGenerator generator, Object[] values) throws IOException {
            for (Node child : ordered) {
                generator.writeFieldName(child.name);
                if (child.valueIndex >= 0) {
                    JsonScalars.write(generator, values[child.valueIndex]);
                } else {
                    generator.writeStartObject();
                    child.writeChildren(generator, values);
                    generator.writeEndObject();
                }
            }
        }

        void collectLeaves(List<Node> into) {
            for (Node child : ordered) {
                if (child.valueIndex >= 0) {
                    into.add(child);
                } else {
                    child.collectLeaves(into);
                }
            }
        }
    }

    /** The value indexes in the order the fields are written (depth first), for flattening. */
    int[] writeOrder() {
        List<Node> leaves = new ArrayList<>();
        root.collectLeaves(leaves);
        return leaves.stream().mapToInt(node -> node.valueIndex).toArray();
    }
}
