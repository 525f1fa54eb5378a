package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import dev.spoke.warehouse.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state tables of one state schema and their DDL, quoted by the store's dialect:
 * <ul>
 *   <li>{@code exports}: one row per export, with its snapshot table, the fingerprint of its mapping and the types of
 *       its key columns when its rows were delivered ({@code key_types}, a JSON array of type names);</li>
 *   <li>{@code snapshot_<export>}: per export, (key, row_hash, synced_at, vendor_id) of what the destination
 *       confirmed, vendor_id being the destination's own id of the row when it reports one;</li>
 *   <li>{@code sync_log}: rejected and invalid rows with their reasons, a table users can model in dbt;</li>
 *   <li>{@code pending_jobs}: rows inside asynchronous jobs that have not ended;</li>
 *   <li>{@code locks}: which run works on which export (and shard) now.</li>
 * </ul>
 */
public final class StateTables {
    /** PostgreSQL truncates identifiers at 63 bytes; stay well below on every warehouse. */
    static final int MAX_TABLE_NAME = 60;

    private final Dialect dialect;
    private final String database;
    private final String schema;

    public StateTables(Dialect dialect, String database, String schema) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.database = database;
        this.schema = requireNonNull(schema, "schema is null");
    }

    public Dialect dialect() {
        return dialect;
    }

    public String schema() {
        return schema;
    }

    /** A table of the state schema, quoted and qualified. */
    public String table(String name) {
        List<String> parts = new ArrayList<>(3);
        if (database != null && !database.isEmpty()) {
            parts.add(database);
        }
        parts.add(schema);
        parts.add(name);
        return dialect.quoteQualified(parts);
    }

    public String quotedSchema() {
        return database == null || database.isEmpty()
                ? dialect.quoteIdentifier(schema)
                : dialect.quoteQualified(List.of(database, schema));
    }

    /**
     * The unquoted name of an export's snapshot table: {@code snapshot_<export id>}, shortened with a hash suffix
     * when the export id is long, so two long ids never share a table.
     */
    public static String snapshotTableName(String exportId) {
        String base = "snapshot_" + exportId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (base.length() <= MAX_TABLE_NAME) {
            return base;
        }
        String suffix = "_" + md5Hex(exportId).substring(0, 10);
        return base.substring(0, MAX_TABLE_NAME - suffix.length()) + suffix;
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** DDL creating the schema and the shared tables; each statement is idempotent. */
    public List<String> createShared() {
        String text = dialect.textType();
        String ts = dialect.timestampType();
        return List.of(
                "CREATE SCHEMA IF NOT EXISTS " + quotedSchema(),
                "CREATE TABLE IF NOT EXISTS " + table("exports") + " ("
                        + col("export_id") + " " + text + " PRIMARY KEY, "
                        + col("snapshot_table") + " " + text + " NOT NULL, "
                        + col("model") + " " + text + " NOT NULL, "
                        + col("destination") + " " + text + " NOT NULL, "
                        + col("mode") + " " + text + " NOT NULL, "
                        + col("mapping_fingerprint") + " " + text + " NOT NULL, "
                        + col("updated_at") + " " + ts + " NOT NULL, "
                        + col("key_types") + " " + text + ")",
                "CREATE TABLE IF NOT EXISTS " + table("sync_log") + " ("
                        + col("run_id") + " " + text + " NOT NULL, "
                        + col("export_id") + " " + text + " NOT NULL, "
                        + col("destination") + " " + text + " NOT NULL, "
                        + col("row_key") + " " + text + ", "
                        + col("operation") + " " + text + " NOT NULL, "
                        + col("status") + " " + text + " NOT NULL, "
                        + col("error") + " " + text + ", "
                        + col("logged_at") + " " + ts + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + table("pending_jobs") + " ("
                        + col("export_id") + " " + text + " NOT NULL, "
                        + col("job_id") + " " + text + " NOT NULL, "
                        + col("detail") + " " + text + " NOT NULL, "
                        + col("row_key") + " " + text + " NOT NULL, "
                        + col("row_hash") + " " + text + " NOT NULL, "
                        + col("operation") + " " + text + " NOT NULL, "
                        + col("run_id") + " " + text + " NOT NULL, "
                        + col("submitted_at") + " " + ts + " NOT NULL, "
                        + "PRIMARY KEY (" + col("export_id") + ", " + col("row_key") + "))",
                "CREATE TABLE IF NOT EXISTS " + table("locks") + " ("
                        + col("lock_key") + " " + text + " PRIMARY KEY, "
                        + col("run_id") + " " + text + " NOT NULL, "
                        + col("holder") + " " + text + " NOT NULL, "
                        + col("acquired_at") + " " + ts + " NOT NULL, "
                        + col("heartbeat_at") + " " + ts + " NOT NULL)");
    }

    /**
     * The exports columns that state created by an earlier version lacks, with their DDL: each one a nullable column
     * added at the end, as {@link #createShared} now creates it.
     */
    public Map<String, String> exportsColumnsAdded() {
        return Map.of("key_types", "ALTER TABLE " + table("exports") + " ADD COLUMN IF NOT EXISTS " + col("key_types")
                + " " + dialect.textType());
    }

    /** The snapshot's column for the destination's id of each row. */
    public static final String VENDOR_ID = "vendor_id";

    /** DDL creating one export's snapshot table. */
    public String createSnapshot(String snapshotTable) {
        return "CREATE TABLE IF NOT EXISTS " + table(snapshotTable) + " ("
                + col("key") + " " + dialect.textType() + " PRIMARY KEY, "
                + col("row_hash") + " " + dialect.textType() + " NOT NULL, "
                + col("synced_at") + " " + dialect.timestampType() + " NOT NULL, "
                + col(VENDOR_ID) + " " + dialect.textType() + ")";
    }

    /** DDL adding the vendor id column to a snapshot table an earlier version created without it. */
    public String addSnapshotVendorId(String snapshotTable) {
        return "ALTER TABLE " + table(snapshotTable) + " ADD COLUMN " + col(VENDOR_ID) + " " + dialect.textType();
    }

    /** A quoted column name. */
    public String col(String name) {
        return dialect.quoteIdentifier(name);
    }
}
