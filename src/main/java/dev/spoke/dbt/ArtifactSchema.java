package dev.spoke.dbt;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the artifact kind and version out of dbt's {@code metadata.dbt_schema_version}, e.g.
 * {@code https://schemas.getdbt.com/dbt/manifest/v12.json}, so that a run_results.json passed as a manifest (or the
 * reverse) is named for what it is.
 */
final class ArtifactSchema {
    private static final Pattern SCHEMA_URL = Pattern.compile("/([A-Za-z_-]+)/v(\\d{1,6})(?:\\.json)?/?$");

    private ArtifactSchema() {}

    /**
     * @param schemaUrl the {@code dbt_schema_version} value
     * @param expectedKind the path segment of the expected artifact: {@code manifest}, {@code run-results}
     * @param at where the metadata starts, for messages
     * @return the schema version number
     */
    static int version(String schemaUrl, String expectedKind, JsonLocation at, JsonArtifact artifact) {
        Matcher matcher = SCHEMA_URL.matcher(schemaUrl.trim());
        if (!matcher.find()) {
            throw artifact.invalid(at, "metadata.dbt_schema_version '" + schemaUrl + "' does not name a dbt "
                    + expectedKind + " schema (expected e.g. https://schemas.getdbt.com/dbt/" + expectedKind
                    + "/v12.json)");
        }
        String kind = matcher.group(1);
        if (!kind.equalsIgnoreCase(expectedKind)) {
            throw artifact.invalid(at, "this is a dbt " + kind + " file (metadata.dbt_schema_version '" + schemaUrl
                    + "'), not a dbt " + expectedKind);
        }
        return Integer.parseInt(matcher.group(2));
    }
}
