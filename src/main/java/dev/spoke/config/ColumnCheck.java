package dev.spoke.config;

import dev.spoke.dbt.Model;
import dev.spoke.destination.OptionValidator;

/**
 * Checks that a column an entry names is one of the model's documented columns. Only when the model documents
 * columns at all: an undocumented model's columns are known only to the warehouse, which is checked later.
 */
final class ColumnCheck {
    private ColumnCheck() {
    }

    static void requireColumn(Model model, String column, String key, ProblemCollector problems) {
        if (model.columns().isEmpty() || model.column(column).isPresent()) {
            return;
        }
        problems.add("unknown-column", model.displayName(), model.propertiesFile(), key,
                "'" + column + "' is not a column of model " + model.displayName()
                        + OptionValidator.suggestion(column, model.columns().keySet()),
                "Columns documented in " + model.propertiesFile() + ": " + String.join(", ", model.columns().keySet())
                        + ". Fix the spelling, or document the column there if the model has it");
    }
}
