package dev.spoke.dbt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.SpokeException;
import java.util.function.Consumer;

/** Reads the manifest's {@code metadata} block and decides whether spoke can read this schema version. */
final class ManifestMetadataReader {
    static final int OLDEST_SCHEMA = 4;
    static final int NEWEST_SCHEMA = 12;

    private ManifestMetadataReader() {}

    /**
     * @param metadata the {@code metadata} object, or {@code null} when the file has none
     * @param at where the metadata starts (or the file's top-level object when there is no metadata), for messages
     * @param warnings receives a warning when the schema is newer than spoke knows
     */
    static ManifestMetadata read(
            ObjectNode metadata, JsonLocation at, JsonArtifact artifact, Consumer<String> warnings) {
        JsonNode schemaNode = metadata == null ? null : metadata.get("dbt_schema_version");
        if (schemaNode == null || !schemaNode.isTextual() || schemaNode.asText().isBlank()) {
            throw artifact.invalid(at,
                    "this is not a dbt manifest: it has no metadata.dbt_schema_version"
                            + (metadata == null ? " (no 'metadata' object at all)" : ""));
        }
        String schemaUrl = schemaNode.asText();
        int version = ArtifactSchema.version(schemaUrl, "manifest", at, artifact);
        String dbtVersion = JsonValues.text(metadata, "dbt_version");
        if (version < OLDEST_SCHEMA) {
            throw SpokeException.config(
                    "dbt manifest " + artifact.file() + " uses schema v" + version + " (dbt " + dbtVersion
                            + "); spoke reads manifest schema v" + OLDEST_SCHEMA + " (dbt 1.0) to v" + NEWEST_SCHEMA,
                    "Upgrade the dbt project to dbt 1.0 or newer, then run `dbt parse` to write target/manifest.json"
                            + " again");
        }
        if (version > NEWEST_SCHEMA) {
            warnings.accept("dbt manifest " + artifact.file() + " uses schema v" + version + " (dbt " + dbtVersion
                    + "), newer than the v" + NEWEST_SCHEMA + " spoke knows; reading it as v" + NEWEST_SCHEMA
                    + ". If a model looks wrong, upgrade spoke.");
        }
        return new ManifestMetadata(version, schemaUrl, dbtVersion, JsonValues.text(metadata, "adapter_type"),
                JsonValues.text(metadata, "project_name"), JsonValues.text(metadata, "invocation_id"),
                JsonValues.text(metadata, "generated_at"), quoting(metadata.get("quoting")));
    }

    /** {@code metadata.quoting} (v12); a missing part, or a missing block, means quoted, as dbt defaults. */
    private static ManifestMetadata.Quoting quoting(JsonNode quoting) {
        if (quoting == null || !quoting.isObject()) {
            return ManifestMetadata.Quoting.DEFAULT;
        }
        return new ManifestMetadata.Quoting(
                flag(quoting.get("database")), flag(quoting.get("schema")), flag(quoting.get("identifier")));
    }

    private static boolean flag(JsonNode value) {
        return value == null || !value.isBoolean() || value.asBoolean();
    }
}
