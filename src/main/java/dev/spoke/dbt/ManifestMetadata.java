package dev.spoke.dbt;

/**
 * The manifest's {@code metadata} block: which dbt wrote it, for which adapter, in which invocation.
 *
 * @param schemaVersion the manifest schema version number (4 to 12, or higher for a newer dbt)
 * @param schemaUrl e.g. {@code https://schemas.getdbt.com/dbt/manifest/v12.json}
 * @param dbtVersion e.g. {@code 1.11.12} or {@code 2.0.0-beta.2}
 * @param adapterType e.g. {@code postgres}, {@code duckdb}; may be null in very old manifests
 * @param projectName the root project name, or {@code null} where the manifest does not say
 * @param invocationId the dbt invocation that wrote the manifest
 * @param generatedAt ISO-8601 timestamp as written by dbt
 * @param quoting how the adapter quotes relation parts ({@code metadata.quoting}, defaults when absent)
 */
public record ManifestMetadata(
        int schemaVersion,
        String schemaUrl,
        String dbtVersion,
        String adapterType,
        String projectName,
        String invocationId,
        String generatedAt,
        Quoting quoting) {

    /** True for output of dbt Fusion (dbt 2.x), which says v12 but omits many keys. */
    public boolean isFusion() {
        return dbtVersion != null && dbtVersion.startsWith("2.");
    }

    /**
     * Which relation parts the adapter quotes.
     *
     * @param database quote the database
     * @param schema quote the schema
     * @param identifier quote the identifier
     */
    public record Quoting(boolean database, boolean schema, boolean identifier) {
        /** dbt's default for most adapters: every part quoted. */
        public static final Quoting DEFAULT = new Quoting(true, true, true);
    }
}
