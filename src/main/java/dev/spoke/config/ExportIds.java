package dev.spoke.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.dbt.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Export ids: {@code <model>__<connection>}, lower case, every character outside {@code [a-z0-9_]} replaced by
 * {@code _}, and {@code __2}, {@code __3} for the second and third entry of one model to the same connection. An id
 * depends only on the model's name, the connection's name and the entry's rank among the model's entries to that
 * connection, so it survives edits to anything else, including fixes to other entries.
 */
final class ExportIds {
    private final Map<String, String> owners = new HashMap<>();

    /** The id of each of a model's entries, by index; {@code null} for entries without a text {@code to}. */
    static List<String> of(Model model, JsonNode destinations) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode entry : destinations) {
            JsonNode to = entry.path("to");
            if (!to.isTextual()) {
                ids.add(null);
                continue;
            }
            int rank = seen.merge(to.asText(), 1, Integer::sum);
            String id = sanitize(model.displayName()) + "__" + sanitize(to.asText());
            ids.add(rank == 1 ? id : id + "__" + rank);
        }
        return ids;
    }

    /**
     * Records that an id belongs to one model's entry.
     *
     * @return the entry that had it already (a display name and index), or empty when the id is free
     */
    Optional<String> claim(String id, Model model, int entryIndex) {
        String owner = "model " + model.displayName() + " " + MetaPath.entry(entryIndex);
        String previous = owners.putIfAbsent(id, owner);
        return previous == null || previous.equals(owner) ? Optional.empty() : Optional.of(previous);
    }

    static String sanitize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
