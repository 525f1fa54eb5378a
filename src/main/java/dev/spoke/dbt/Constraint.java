package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A dbt model contract constraint, at column level (columns empty) or model level.
 *
 * @param type {@code not_null}, {@code unique}, {@code primary_key}, {@code foreign_key}, {@code check} or
 *     {@code custom}
 * @param name the constraint name, or {@code null}
 * @param columns the columns of a model-level constraint; empty for a column-level one
 * @param expression the expression of a check or custom constraint, or {@code null}
 */
public record Constraint(String type, String name, List<String> columns, String expression) {
    public Constraint {
        requireNonNull(type, "type is null");
        columns = List.copyOf(columns);
    }
}
