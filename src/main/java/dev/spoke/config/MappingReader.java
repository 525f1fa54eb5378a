package dev.spoke.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.dbt.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an entry's {@code mapping} (destination field to model column) and checks it: every column must exist,
 * every dotted field must have non-empty parts, and no field may be both a value and the parent of another
 * ({@code merge_fields} and {@code merge_fields.FNAME}).
 */
final class MappingReader {
    private final Model model;
    private final ProblemCollector problems;

    MappingReader(Model model, ProblemCollector problems) {
        this.model = model;
        this.problems = problems;
    }

    /** The mapping; the identity mapping when the entry has none (or a malformed one, already reported). */
    FieldMapping read(JsonNode entry, String at) {
        JsonNode mapping = entry.get("mapping");
        if (mapping == null || !mapping.isObject()) {
            return FieldMapping.IDENTITY;
        }
        List<FieldMapping.Field> fields = new ArrayList<>();
        mapping.properties().forEach(field -> {
            String key = at + ".mapping." + field.getKey();
            if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                return;
            }
            FieldMapping.Field mapped = new FieldMapping.Field(field.getKey(), field.getValue().asText());
            ColumnCheck.requireColumn(model, mapped.column(), key, problems);
            if (mapped.destinationField().startsWith(".") || mapped.destinationField().endsWith(".")
                    || mapped.destinationField().contains("..")) {
                problems.add("invalid-value", model.displayName(), model.propertiesFile(), key,
                        "field '" + mapped.destinationField() + "' has an empty part",
                        "Write a nested field as parent.child, e.g. merge_fields.FNAME");
            }
            fields.add(mapped);
        });
        checkCollisions(fields, at);
        return new FieldMapping(fields);
    }

    private void checkCollisions(List<FieldMapping.Field> fields, String at) {
        for (FieldMapping.Field field : fields) {
            for (FieldMapping.Field other : fields) {
                if (other != field && isParent(other.path(), field.path())) {
                    problems.add("duplicate-field", model.displayName(), model.propertiesFile(),
                            at + ".mapping." + field.destinationField(),
                            "field '" + field.destinationField() + "' collides with field '" + other.destinationField()
                                    + "': '" + other.destinationField() + "' cannot be both a value and an object",
                            "Rename one of the two fields, or map only the nested fields under '"
                                    + other.destinationField() + "'");
                }
            }
        }
    }

    private static boolean isParent(List<String> parent, List<String> child) {
        return parent.size() < child.size() && child.subList(0, parent.size()).equals(parent);
    }
}
