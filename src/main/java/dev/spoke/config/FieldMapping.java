package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Which model columns are sent, under which destination field names. Without a mapping every column is sent under
 * its own name ({@link #isIdentity()}); with one, only mapped columns are sent, and a dotted destination field
 * ({@code merge_fields.FNAME}) nests.
 *
 * @param fields destination field to column, in the order written; empty for the identity mapping
 */
public record FieldMapping(List<Field> fields) {
    public static final FieldMapping IDENTITY = new FieldMapping(List.of());

    public FieldMapping {
        fields = List.copyOf(fields);
    }

    public boolean isIdentity() {
        return fields.isEmpty();
    }

    /** The columns a mapping reads, in order (with repeats removed). Empty for the identity mapping. */
    public List<String> columns() {
        return fields.stream().map(Field::column).distinct().toList();
    }

    /**
     * One destination field.
     *
     * @param destinationField the field as written, e.g. {@code merge_fields.FNAME}
     * @param column the model column it takes its value from
     */
    public record Field(String destinationField, String column) {
        public Field {
            requireNonNull(destinationField, "destinationField is null");
            requireNonNull(column, "column is null");
        }

        /** The destination field split on dots: {@code [merge_fields, FNAME]}. */
        public List<String> path() {
            return Arrays.asList(destinationField.split("\\."));
        }
    }
}
