package dev.spoke.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds dbt's rendered relation name ({@code "db"."schema"."alias"}) for manifests that do not carry one: schema v4,
 * ephemeral models, and dbt Fusion, which omits the key. Quotes each part as the manifest's {@code metadata.quoting}
 * and the model's own {@code config.quoting} say, with the adapter's quote character. For display and matching
 * only: SQL is quoted by the warehouse dialect.
 */
final class RelationNames {
    /** Adapters whose identifiers dbt quotes with backticks. */
    private static final Set<String> BACKTICK_ADAPTERS = Set.of("bigquery", "spark", "databricks", "hive");

    private RelationNames() {}

    /**
     * @param relation the model's database, schema and alias; a null or empty database is left out, as dbt does
     *     for adapters without one
     * @param quoting the manifest-wide quoting
     * @param modelQuoting the model's {@code config.quoting}, whose keys override the manifest's; may be missing
     * @param adapterType the manifest's adapter, or {@code null}
     */
    static String build(
            Relation relation, ManifestMetadata.Quoting quoting, JsonNode modelQuoting, String adapterType) {
        String quote = adapterType != null && BACKTICK_ADAPTERS.contains(adapterType.toLowerCase()) ? "`" : "\"";
        List<String> parts = new ArrayList<>(3);
        if (relation.database() != null && !relation.database().isEmpty()) {
            parts.add(part(relation.database(), override(modelQuoting, "database", quoting.database()), quote));
        }
        parts.add(part(relation.schema(), override(modelQuoting, "schema", quoting.schema()), quote));
        parts.add(part(relation.identifier(), override(modelQuoting, "identifier", quoting.identifier()), quote));
        return String.join(".", parts);
    }

    private static boolean override(JsonNode modelQuoting, String part, boolean manifestDefault) {
        JsonNode value = modelQuoting == null ? null : modelQuoting.get(part);
        return value != null && value.isBoolean() ? value.asBoolean() : manifestDefault;
    }

    private static String part(String name, boolean quoted, String quote) {
        return quoted ? quote + name.replace(quote, quote + quote) + quote : name;
    }
}
