package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.dbt.Relation;
import dev.spoke.warehouse.Warehouse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The delivery state of every export, kept in tables of one database: the warehouse itself (the default backend)
 * or a local embedded database (the {@code local} backend). Owns one connection for its writes; all methods are
 * synchronized, so the engine's sender threads can commit batches concurrently.
 */
public final class StateStore implements AutoCloseable {
    private final Warehouse database;
    private final boolean ownsDatabase;
    private final String stateDatabase;
    private final StateTables tables;
    private final Handle handle;
    private boolean prepared;

    /**
     * @param database where the state tables live
     * @param ownsDatabase whether {@link #close()} closes the database too (the local backend's file)
     * @param stateDatabase the catalog of the state schema, or {@code null} for the connection's own
     * @param schema the state schema
     */
    public StateStore(Warehouse database, boolean ownsDatabase, String stateDatabase, String schema) {
        this.database = requireNonNull(database, "database is null");
        this.ownsDatabase = ownsDatabase;
        this.stateDatabase = stateDatabase;
        this.tables = new StateTables(database.dialect(), stateDatabase, schema);
        this.handle = database.jdbi().open();
    }

    public StateTables tables() {
        return tables;
    }

    /** The database holding the state, for the change-set queries of the local backend. */
    public Warehouse database() {
        return database;
    }

    /** Creates the state schema and shared tables if they do not exist. Idempotent. */
    public synchronized void prepare() {
        if (prepared) {
            return;
        }
        try {
            handle.useTransaction(h -> tables.createShared().forEach(h::execute));
        } catch (RuntimeException e) {
            throw SpokeException.runtime(
                    "cannot create the state schema " + tables.schema() + " in " + database.adapterType() + ": "
                            + e.getMessage(),
                    "spoke keeps delivery state in the warehouse by default; grant the profile's user CREATE on the"
                            + " database, set state.schema in spoke.yml to a schema it may write, or set state.backend:"
                            + " local for a read-only warehouse",
                    e);
        }
        upgrade();
        prepared = true;
    }

    /**
     * Adds the exports columns that state created by an earlier version lacks, in place. Only a missing column is
     * altered: {@code ALTER TABLE} needs the table's owner, which the user of a run need not be.
     */
    private void upgrade() {
        for (Map.Entry<String, String> added : tables.exportsColumnsAdded().entrySet()) {
            if (hasExportsColumn(added.getKey())) {
                continue;
            }
            try {
                handle.execute(added.getValue());
            } catch (RuntimeException e) {
                throw SpokeException.runtime("cannot add the column " + added.getKey() + " to the state table "
                                + tables.table("exports") + ", which an earlier version of spoke created: " + e.getMessage(),
                        "let the table's owner run: " + added.getValue(), e);
            }
        }
    }

    /** Adds the vendor id column to a snapshot table an earlier version created, in place (see {@link #upgrade}). */
    private void upgradeSnapshot(String snapshotTable) {
        Relation snapshot = new Relation(stateDatabase, tables.schema(), snapshotTable);
        if (database.columns(snapshot).stream().anyMatch(c -> c.name().equalsIgnoreCase(StateTables.VENDOR_ID))) {
            return;
        }
        String alter = tables.addSnapshotVendorId(snapshotTable);
        try {
            handle.execute(alter);
        } catch (RuntimeException e) {
            throw SpokeException.runtime("cannot add the column " + StateTables.VENDOR_ID + " to the state table "
                    + tables.table(snapshotTable) + ", which an earlier version of spoke created: " + e.getMessage(),
                    "let the table's owner run: " + alter, e);
        }
    }

    /** Whether the exports table has this column (false when the table does not exist). */
    synchronized boolean hasExportsColumn(String column) {
        Relation exports = new Relation(stateDatabase, tables.schema(), "exports");
        return database.exists(exports)
                && database.columns(exports).stream().anyMatch(c -> c.name().equalsIgnoreCase(column));
    }

    /**
     * Records an export and creates its snapshot table on first use. The key column types are recorded when none are
     * (a new export, state from an earlier version, or after a reset); recorded types change only through
     * {@link ExportKeyTypes#record}.
     *
     * @param keyTypes the type names of the key columns, in key order
     * @return the unquoted snapshot table name
     */
    public synchronized String registerExport(String exportId, String model, String destination, String mode,
            String mappingFingerprint, List<String> keyTypes) {
        prepare();
        String snapshotTable = StateTables.snapshotTableName(exportId);
        String encodedKeyTypes = ExportKeyTypes.encode(keyTypes);
        handle.useTransaction(h -> h.execute(tables.createSnapshot(snapshotTable)));
        upgradeSnapshot(snapshotTable);
        handle.useTransaction(h -> {
            h.createUpdate("INSERT INTO " + tables.table("exports") + " (" + tables.col("export_id") + ", "
                            + tables.col("snapshot_table") + ", " + tables.col("model") + ", " + tables.col("destination")
                            + ", " + tables.col("mode") + ", " + tables.col("mapping_fingerprint") + ", "
                            + tables.col("updated_at") + ", " + tables.col("key_types") + ")"
                            + " VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?)"
                            + " ON CONFLICT (" + tables.col("export_id") + ") DO UPDATE SET "
                            + tables.col("model") + " = EXCLUDED." + tables.col("model") + ", "
                            + tables.col("destination") + " = EXCLUDED." + tables.col("destination") + ", "
                            + tables.col("mode") + " = EXCLUDED." + tables.col("mode") + ", "
                            + tables.col("mapping_fingerprint") + " = EXCLUDED." + tables.col("mapping_fingerprint") + ", "
                            + tables.col("updated_at") + " = EXCLUDED." + tables.col("updated_at"))
                    .bind(0, exportId).bind(1, snapshotTable).bind(2, model).bind(3, destination).bind(4, mode)
                    .bind(5, mappingFingerprint).bind(6, encodedKeyTypes)
                    .execute();
            h.createUpdate("UPDATE " + tables.table("exports") + " SET " + tables.col("key_types") + " = ? WHERE "
                            + tables.col("export_id") + " = ? AND " + tables.col("key_types") + " IS NULL")
                    .bind(0, encodedKeyTypes).bind(1, exportId)
                    .execute();
        });
        return snapshotTable;
    }

    /** Applies what one batch changed, in one transaction. */
    public synchronized void commit(StateCommit commit) {
        if (commit.isEmpty()) {
            return;
        }
        String snapshot = tables.table(commit.snapshotTable());
        handle.useTransaction(h -> {
            UnnestedRows.execute(h, tables.dialect(),
                    "INSERT INTO " + snapshot + " (" + tables.col("key") + ", " + tables.col("row_hash") + ", "
                            + tables.col(StateTables.VENDOR_ID) + ", " + tables.col("synced_at") + ") SELECT "
                            + UnnestedRows.select(tables.dialect(), 3) + ", CURRENT_TIMESTAMP ON CONFLICT ("
                            + tables.col("key") + ") DO UPDATE SET "
                            + tables.col("row_hash") + " = EXCLUDED." + tables.col("row_hash") + ", "
                            + tables.col(StateTables.VENDOR_ID) + " = COALESCE(EXCLUDED."
                            + tables.col(StateTables.VENDOR_ID) + ", " + snapshot + "."
                            + tables.col(StateTables.VENDOR_ID) + "), "
                            + tables.col("synced_at") + " = EXCLUDED." + tables.col("synced_at"),
                    commit.delivered(), List.of(KeyHash::key, KeyHash::rowHash, KeyHash::vendorId));
            UnnestedRows.execute(h, tables.dialect(),
                    "DELETE FROM " + snapshot + " WHERE " + tables.col("key") + " IN (SELECT "
                            + UnnestedRows.select(tables.dialect(), 1) + ")",
                    commit.deletedKeys(), List.of(key -> key));
            UnnestedRows.execute(h, tables.dialect(),
                    "DELETE FROM " + tables.table("pending_jobs") + " WHERE " + tables.col("export_id") + " = "
                            + tables.dialect().quoteLiteral(commit.exportId()) + " AND " + tables.col("row_key")
                            + " IN (SELECT " + UnnestedRows.select(tables.dialect(), 1) + ")",
                    commit.jobKeysClosed(), List.of(key -> key));
            UnnestedRows.execute(h, tables.dialect(),
                    "INSERT INTO " + tables.table("pending_jobs") + " SELECT "
                            + UnnestedRows.select(tables.dialect(), 7) + ", CURRENT_TIMESTAMP",
                    commit.jobRowsOpened(), List.of(row -> commit.exportId(), PendingJobRow::jobId,
                            PendingJobRow::detail, PendingJobRow::key, PendingJobRow::rowHash,
                            PendingJobRow::operation, row -> commit.runId()));
            UnnestedRows.execute(h, tables.dialect(),
                    "INSERT INTO " + tables.table("sync_log") + " SELECT "
                            + UnnestedRows.select(tables.dialect(), 7) + ", CURRENT_TIMESTAMP",
                    commit.log(), List.of(entry -> commit.runId(), entry -> commit.exportId(),
                            entry -> commit.destination(), LogEntry::key, LogEntry::operation, LogEntry::status,
                            LogEntry::error));
        });
    }

    /** Rows inside jobs of this export that had not ended when the last run stopped. */
    public synchronized List<PendingJobRow> pendingJobRows(String exportId) {
        prepare();
        return handle.createQuery("SELECT " + tables.col("job_id") + ", " + tables.col("detail") + ", "
                        + tables.col("row_key") + ", " + tables.col("row_hash") + ", " + tables.col("operation")
                        + " FROM " + tables.table("pending_jobs") + " WHERE " + tables.col("export_id") + " = ?"
                        + " ORDER BY " + tables.col("job_id") + ", " + tables.col("row_key"))
                .bind(0, exportId)
                .map((rs, ctx) -> new PendingJobRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /**
     * Forgets what the destination has (full refresh, {@code spoke state reset}): every row is new again, and no key
     * type is recorded until the next sync registers the export.
     */
    public synchronized void resetExport(String exportId) {
        prepare();
        String snapshotTable = StateTables.snapshotTableName(exportId);
        handle.useTransaction(h -> {
            h.execute(tables.createSnapshot(snapshotTable));
            h.execute("DELETE FROM " + tables.table(snapshotTable));
            h.createUpdate("UPDATE " + tables.table("exports") + " SET " + tables.col("key_types") + " = NULL WHERE "
                    + tables.col("export_id") + " = ?").bind(0, exportId).execute();
            h.createUpdate("DELETE FROM " + tables.table("pending_jobs") + " WHERE " + tables.col("export_id") + " = ?")
                    .bind(0, exportId).execute();
        });
    }

    /** Deletes sync_log rows older than the retention. */
    public synchronized int pruneSyncLog(Duration retention) {
        prepare();
        return handle.execute("DELETE FROM " + tables.table("sync_log") + " WHERE " + tables.col("logged_at")
                + " < CURRENT_TIMESTAMP - INTERVAL '" + retention.toSeconds() + " seconds'");
    }

    /**
     * One row per export known to the state store, with its snapshot size, for {@code spoke state show}; none, and
     * nothing created, when no sync ever ran (a read-only user may inspect).
     */
    public synchronized List<Map<String, Object>> describeExports() {
        if (!prepared && !database.exists(new Relation(stateDatabase, tables.schema(), "exports"))) {
            return List.of();
        }
        List<Map<String, Object>> exports = handle.createQuery("SELECT * FROM " + tables.table("exports")
                        + " ORDER BY " + tables.col("export_id"))
                .mapToMap()
                .list();
        for (Map<String, Object> export : exports) {
            String snapshot = tables.table(String.valueOf(export.get("snapshot_table")));
            export.put("rows", handle.createQuery("SELECT COUNT(*) FROM " + snapshot).mapTo(Long.class).one());
            export.put("last_synced_at", handle.createQuery("SELECT MAX(" + tables.col("synced_at") + ") FROM " + snapshot)
                    .mapTo(String.class).findOne().orElse(null));
            export.put("pending_rows", handle.createQuery("SELECT COUNT(*) FROM " + tables.table("pending_jobs")
                            + " WHERE " + tables.col("export_id") + " = ?")
                    .bind(0, export.get("export_id")).mapTo(Long.class).one());
        }
        return exports;
    }

    /** Whether {@link #prepare()} ran: the state tables exist and have every column of this version. */
    synchronized boolean isPrepared() {
        return prepared;
    }

    /** The handle the store writes with; for {@link RunLocks}, which shares the store's connection. */
    Handle handle() {
        return handle;
    }

    @Override
    public synchronized void close() {
        handle.close();
        if (ownsDatabase) {
            database.close();
        }
    }
}
