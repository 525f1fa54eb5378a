package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.SyncMode;
import dev.spoke.warehouse.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the SQL that computes an export's change set where the snapshot lives (DESIGN decision 1): which rows
 * are new or changed since the destination last confirmed them, which keys left the model, and the counts
 * {@code spoke plan} shows. With the default backend this all runs in the warehouse and only the rows these queries
 * return leave it. Every identifier is quoted by the dialect; the only literals are the export id and the salt,
 * quoted by the dialect too.
 *
 * <p>The model side is always the same subquery {@code m}: the sent columns, the key as text, the row hash, and how
 * many rows share the key (a window count, so duplicate keys are caught where the data is).
 */
public final class ChangeSetQueries {
    private static final String MODEL = "m0";
    private static final String DIFF = "m";
    private static final String SNAPSHOT = "s";
    private static final String PENDING = "p";

    private final StateTables tables;
    private final Dialect dialect;
    private final ChangeSetSpec spec;
    private final ModelSource source;
    private final boolean stateExists;

    /**
     * @param tables the state tables, in the same database as {@code source}
     * @param spec the export's change-set spec
     * @param source the model side
     * @param stateExists false when the state tables were never created (a plan before the first sync): the queries
     *     then read an empty snapshot instead, so planning creates nothing
     */
    public ChangeSetQueries(StateTables tables, ChangeSetSpec spec, ModelSource source, boolean stateExists) {
        this.tables = requireNonNull(tables, "tables is null");
        this.dialect = tables.dialect();
        this.spec = requireNonNull(spec, "spec is null");
        this.source = requireNonNull(source, "source is null");
        this.stateExists = stateExists;
    }

    /** Queries over the model's own relation, in the warehouse that holds the state. */
    public ChangeSetQueries(StateTables tables, ChangeSetSpec spec) {
        this(tables, spec, ModelSource.model(tables.dialect(), spec), true);
    }

    /**
     * The subquery {@code m}: sent columns, key, hash and duplicate count of every row of the model (of this shard).
     */
    String modelSubquery(List<String> extraColumns) {
        String key = source.keyExpression().apply(MODEL);
        List<String> select = new ArrayList<>();
        for (String column : source.columns()) {
            select.add(MODEL + "." + dialect.quoteIdentifier(column));
        }
        select.add(key + " AS " + q(SpecialColumns.KEY));
        select.add(source.hashExpression().apply(MODEL) + " AS " + q(SpecialColumns.HASH));
        select.add("COUNT(*) OVER (PARTITION BY " + key + ") AS " + q(SpecialColumns.DUPLICATES));
        select.addAll(extraColumns);
        return "SELECT " + String.join(", ", select) + " FROM " + source.relation() + " " + MODEL + shardFilter(key);
    }

    /**
     * Rows to send, with their operation, plus every invalid row (NULL or duplicate key) so the engine can report
     * them. For append mode: every row of the model. Columns: the sent columns, then key, hash, duplicates, op and
     * the vendor id the snapshot recorded for the key.
     * Ordered by key (append mode aside): a run after a crash then cuts the rows left into the same batches as the
     * run that died, so a repeated batch carries the same webhook-id (ADR 0003).
     */
    public String changedRows() {
        if (spec.mode() == SyncMode.APPEND) {
            return modelSubquery(List.of("'I' AS " + q(SpecialColumns.OPERATION),
                    "CAST(NULL AS " + dialect.textType() + ") AS " + q(SpecialColumns.VENDOR_ID)));
        }
        List<String> select = new ArrayList<>();
        for (String column : source.columns()) {
            select.add(DIFF + "." + dialect.quoteIdentifier(column));
        }
        select.add(diffColumn(SpecialColumns.KEY));
        select.add(diffColumn(SpecialColumns.HASH));
        select.add(diffColumn(SpecialColumns.DUPLICATES));
        select.add("CASE WHEN " + snapshotKey() + " IS NULL THEN 'I' ELSE 'U' END AS " + q(SpecialColumns.OPERATION));
        select.add(snapshotVendorId() + " AS " + q(SpecialColumns.VENDOR_ID));
        return "SELECT " + String.join(", ", select) + fromDiff()
                + " WHERE (" + invalidCondition() + " OR " + modeCondition() + ")"
                + " AND " + notPending(diffColumn(SpecialColumns.KEY))
                + " ORDER BY " + diffColumn(SpecialColumns.KEY);
    }

    /**
     * Snapshot keys no longer in the model, in key order: what mirror mode deletes. Columns: key text, last hash,
     * vendor id.
     */
    public String removedKeys() {
        String snapshotKey = snapshotKey();
        return "SELECT " + snapshotKey + ", " + snapshotHash() + ", " + snapshotVendorId() + " FROM " + snapshotSource() + " " + SNAPSHOT
                + " WHERE NOT EXISTS (SELECT 1 FROM " + source.relation() + " " + MODEL
                + " WHERE " + source.keyExpression().apply(MODEL) + " = " + snapshotKey + ")"
                + " AND " + notPending(snapshotKey)
                + (spec.shard().isAll() ? ""
                        : " AND " + dialect.shardPredicate(snapshotKey, spec.shard().index(), spec.shard().count()))
                + " ORDER BY " + snapshotKey;
    }

    /**
     * One row of counts: {@code null_keys, duplicate_keys, added, changed, unchanged, pending, total}, whatever the
     * mode (the engine decides which of them the mode sends).
     */
    public String counts() {
        String key = diffColumn(SpecialColumns.KEY);
        String valid = key + " IS NOT NULL AND " + diffColumn(SpecialColumns.DUPLICATES) + " = 1";
        String notPending = notPending(key);
        String sameHash = snapshotHash() + " = " + diffColumn(SpecialColumns.HASH);
        return "SELECT "
                + sum(key + " IS NULL") + " AS " + q("null_keys") + ", "
                + sum(key + " IS NOT NULL AND " + diffColumn(SpecialColumns.DUPLICATES) + " > 1") + " AS " + q("duplicate_keys") + ", "
                + sum(valid + " AND " + snapshotKey() + " IS NULL AND " + notPending) + " AS " + q("added") + ", "
                + sum(valid + " AND " + snapshotKey() + " IS NOT NULL AND NOT (" + sameHash + ") AND " + notPending) + " AS " + q("changed") + ", "
                + sum(valid + " AND " + snapshotKey() + " IS NOT NULL AND " + sameHash) + " AS " + q("unchanged") + ", "
                + sum(valid + " AND NOT " + notPending) + " AS " + q("pending") + ", "
                + "COUNT(*) AS " + q("total")
                + fromDiff();
    }

    /** Keys and hashes of the model, for the local backend, which diffs outside the warehouse. */
    public String keysAndHashes() {
        String key = source.keyExpression().apply(MODEL);
        return "SELECT " + key + " AS " + q(SpecialColumns.KEY) + ", "
                + source.hashExpression().apply(MODEL) + " AS " + q(SpecialColumns.HASH)
                + " FROM " + source.relation() + " " + MODEL + shardFilter(key);
    }

    /** The sent columns, key and hash of the rows with the given keys (local backend). Keys are dialect literals. */
    public String rowsWithKeys(List<String> keys) {
        String key = source.keyExpression().apply(MODEL);
        List<String> select = new ArrayList<>();
        for (String column : source.columns()) {
            select.add(MODEL + "." + dialect.quoteIdentifier(column));
        }
        select.add(key + " AS " + q(SpecialColumns.KEY));
        select.add(source.hashExpression().apply(MODEL) + " AS " + q(SpecialColumns.HASH));
        List<String> literals = keys.stream().map(dialect::quoteLiteral).toList();
        return "SELECT " + String.join(", ", select) + " FROM " + source.relation() + " " + MODEL
                + " WHERE " + key + " IN (" + String.join(", ", literals) + ")";
    }

    private String fromDiff() {
        return " FROM (" + modelSubquery(List.of()) + ") " + DIFF
                + " LEFT JOIN " + snapshotSource() + " " + SNAPSHOT
                + " ON " + snapshotKey() + " = " + diffColumn(SpecialColumns.KEY);
    }

    private String invalidCondition() {
        return diffColumn(SpecialColumns.KEY) + " IS NULL OR " + diffColumn(SpecialColumns.DUPLICATES) + " > 1";
    }

    private String modeCondition() {
        String added = snapshotKey() + " IS NULL";
        String changed = "(" + snapshotKey() + " IS NOT NULL AND " + snapshotHash() + " <> " + diffColumn(SpecialColumns.HASH) + ")";
        return switch (spec.mode()) {
            case UPSERT, MIRROR, UPDATE -> "(" + added + " OR " + changed + ")";
            case INSERT -> "(" + added + ")";
            case APPEND -> "1 = 1";
        };
    }

    private String notPending(String keyExpression) {
        return "NOT EXISTS (SELECT 1 FROM " + pendingSource() + " " + PENDING
                + " WHERE " + PENDING + "." + q("export_id") + " = " + dialect.quoteLiteral(spec.exportId())
                + " AND " + PENDING + "." + q("row_key") + " = " + keyExpression + ")";
    }

    /** Keeps the rows of this shard; rows with a NULL key go to shard 0 so they are reported once. */
    private String shardFilter(String key) {
        if (spec.shard().isAll()) {
            return "";
        }
        String predicate = dialect.shardPredicate(key, spec.shard().index(), spec.shard().count());
        return " WHERE " + (spec.shard().index() == 0 ? "(" + key + " IS NULL OR " + predicate + ")" : predicate);
    }

    /** The snapshot table, or an empty relation of the same shape when the state was never created. */
    private String snapshotSource() {
        return stateExists ? tables.table(spec.snapshotTable())
                : emptyRelation("key", "row_hash", StateTables.VENDOR_ID);
    }

    private String pendingSource() {
        return stateExists ? tables.table("pending_jobs") : emptyRelation("export_id", "row_key");
    }

    private String emptyRelation(String... columns) {
        List<String> select = new ArrayList<>();
        for (String column : columns) {
            select.add("CAST(NULL AS " + dialect.textType() + ") AS " + q(column));
        }
        return "(SELECT " + String.join(", ", select) + " WHERE 1 = 0)";
    }

    private String diffColumn(String name) {
        return DIFF + "." + q(name);
    }

    private String snapshotKey() {
        return SNAPSHOT + "." + q("key");
    }

    private String snapshotHash() {
        return SNAPSHOT + "." + q("row_hash");
    }

    private String snapshotVendorId() {
        return SNAPSHOT + "." + q(StateTables.VENDOR_ID);
    }

    private static String sum(String condition) {
        return "COALESCE(SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END), 0)";
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }
}
