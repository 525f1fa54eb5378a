package dev.spoke.dbt;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link NodeSelector#evaluate} selected, and which selectors matched nothing, so that the CLI can warn about
 * them as dbt does ("selector 'x' matched nothing") without failing the run.
 *
 * @param selected the selected candidates, in the order they were given
 * @param unmatchedSelect the {@code --select} selectors (space-separated units, as written) that matched no candidate
 * @param unmatchedExclude the {@code --exclude} selectors that matched no candidate
 */
public record Selection(List<Selectable> selected, List<String> unmatchedSelect, List<String> unmatchedExclude) {
    public Selection {
        selected = List.copyOf(selected);
        unmatchedSelect = List.copyOf(unmatchedSelect);
        unmatchedExclude = List.copyOf(unmatchedExclude);
    }

    /** One readable warning per unmatched selector, e.g. {@code --select 'tag:nightly' matched nothing}. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        unmatchedSelect.forEach(s -> warnings.add("--select '" + s + "' matched nothing"));
        unmatchedExclude.forEach(s -> warnings.add("--exclude '" + s + "' matched nothing"));
        return warnings;
    }
}
