package dev.spoke.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.dbt.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds an entry's key columns: the entry's {@code key}, else the model's {@code unique_key} config, else its
 * {@code primary_key} constraint. Reports {@code missing-key} when there is none and {@code unknown-column} for a key
 * column the entry names that the model does not document.
 */
final class KeyResolver {
    private final Model model;
    private final ProblemCollector problems;

    KeyResolver(Model model, ProblemCollector problems) {
        this.model = model;
        this.problems = problems;
    }

    /** The key columns, in order; empty when there are none or the entry's key is malformed (already reported). */
    List<String> resolve(JsonNode entry, String at) {
        JsonNode key = entry.get("key");
        if (key != null && !key.isNull()) {
            return fromEntry(key, at + ".key");
        }
        if (!model.uniqueKey().isEmpty()) {
            return model.uniqueKey();
        }
        if (!model.primaryKey().isEmpty()) {
            return model.primaryKey();
        }
        problems.add("missing-key", model.displayName(), model.propertiesFile(), at + ".key",
                "no key: the entry sets none, and model " + model.displayName()
                        + " has neither a unique_key config nor a primary_key constraint",
                "Add key: <column> to this entry (the column, or list of columns, that identifies a row), or set"
                        + " unique_key in the model's config, or declare a primary_key constraint on the model");
        return List.of();
    }

    private List<String> fromEntry(JsonNode key, String at) {
        if (key.isTextual() && !key.asText().isBlank()) {
            ColumnCheck.requireColumn(model, key.asText(), at, problems);
            return List.of(key.asText());
        }
        if (!key.isArray() || key.isEmpty()) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            JsonNode column = key.get(i);
            if (!column.isTextual() || column.asText().isBlank() || columns.contains(column.asText())) {
                return List.of();
            }
            ColumnCheck.requireColumn(model, column.asText(), at + "[" + i + "]", problems);
            columns.add(column.asText());
        }
        return columns;
    }
}
