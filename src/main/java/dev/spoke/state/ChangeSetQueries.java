package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.SyncMode;
import dev.spoke.warehouse.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the SQL that computes an export's change set inside the warehouse (DESIGN decision 1): which rows are
 * new or changed since the destination last confirmed them, which keys left the model, and the counts {@code spoke
 * plan} shows. Only the rows these queries return leave the warehouse. Every identifier is quoted by the dialect;
 * the only literals are the export id and the salt, quoted by the dialect too.
 *
 * <p>The model side is always the same subquery {@code m}: the sent columns, the key as text, the row hash, and how
 * many rows share the key (a window count, so duplicate keys are caught in the warehouse).
 */
public final class ChangeSetQueries {
    private static final String MODEL = "m0";
    private static final String DIFF = "m";
    private static final String SNAPSHOT = "s";
    private static final String PENDING = "p";

    private final StateTables tables;
    private final Dialect dialect;
    private final ChangeSetSpec spec;

    public ChangeSetQueries(StateTables tables, ChangeSetSpec spec) {
        this.tables = requireNonNull(tables, "tables is null");
        this.dialect = tables.dialect();
        this.spec = requireNonNull(spec, "spec is null");
    }

    /** The model's key as text, on the model alias. */
    String keyExpression() {
        return dialect.keyExpression(spec.keyColumns(), MODEL);
    }

    /**
     * The subquery {@code m}: sent columns, key, hash and duplicate count of every row of the model (of this shard).
     */
    String modelSubquery() {
        return modelSubquery(List.of());
    }

    private String modelSubquery(List<String> extraColumns) {
        String key = keyExpression();
        List<String> select = new ArrayList<>();
        for (String column : spec.columns()) {
            select.add(MODEL + "." + dialect.quoteIdentifier(column));
        }
        select.add(key + " AS " + q(SpecialColumns.KEY));
        select.add(dialect.rowHashExpression(spec.columns(), spec.salt(), MODEL) + " AS " + q(SpecialColumns.HASH));
        select.add("COUNT(*) OVER (PARTITION BY " + key + ") AS " + q(SpecialColumns.DUPLICATES));
        select.addAll(extraColumns);
        return "SELECT " + String.join(", ", select) + " FROM " + dialect.quoteRelation(spec.relation()) + " " + MODEL
                + shardFilter(key, "WHERE");
    }

    /**
     * Rows to send, with their operation, plus every invalid row (NULL or duplicate key) so the engine can report
     * them. For append mode: every row of the model.
     */
    public String changedRows() {
        if (spec.mode() == SyncMode.APPEND) {
            return modelSubquery(List.of("'I' AS " + q(SpecialColumns.OPERATION)));
        }
        List<String> select = new ArrayList<>();
        for (String column : spec.columns()) {
            select.add(DIFF + "." + dialect.quoteIdentifier(column));
        }
        select.add(DIFF + "." + q(SpecialColumns.KEY));
        select.add(DIFF + "." + q(SpecialColumns.HASH));
        select.add(DIFF + "." + q(SpecialColumns.DUPLICATES));
        select.add("CASE WHEN " + snapshotKey() + " IS NULL THEN 'I' ELSE 'U' END AS " + q(SpecialColumns.OPERATION));
        return "SELECT " + String.join(", ", select) + fromDiff()
                + " WHERE (" + invalidCondition() + " OR " + modeCondition() + ")"
                + " AND " + notPending(DIFF + "." + q(SpecialColumns.KEY));
    }

    /** Snapshot keys no longer in the model: what mirror mode deletes. Columns: key text, last delivered hash. */
    public String removedKeys() {
        String snapshotKey = snapshotKey();
        return "SELECT " + snapshotKey + ", " + snapshotHash() + " FROM " + tables.table(spec.snapshotTable()) + " " + SNAPSHOT
                + " WHERE NOT EXISTS (SELECT 1 FROM " + dialect.quoteRelation(spec.relation()) + " " + MODEL
                + " WHERE " + keyExpression() + " = " + snapshotKey + ")"
                + " AND " + notPending(snapshotKey)
                + (spec.shard().isAll() ? "" : " AND " + dialect.shardPredicate(snapshotKey, spec.shard().index(), spec.shard().count()));
    }

    /**
     * One row of counts: {@code null_keys, duplicate_keys, added, changed, unchanged, pending, total}, whatever the
     * mode (the engine decides which of them the mode sends).
     */
    public String counts() {
        String key = DIFF + "." + q(SpecialColumns.KEY);
        String valid = key + " IS NOT NULL AND " + DIFF + "." + q(SpecialColumns.DUPLICATES) + " = 1";
        String pending = "NOT " + notPending(key);
        String hashDiffers = snapshotHash() + " <> " + DIFF + "." + q(SpecialColumns.HASH);
        return "SELECT "
                + sum(key + " IS NULL") + " AS " + q("null_keys") + ", "
                + sum(key + " IS NOT NULL AND " + DIFF + "." + q(SpecialColumns.DUPLICATES) + " > 1") + " AS " + q("duplicate_keys") + ", "
                + sum(valid + " AND " + snapshotKey() + " IS NULL AND " + notPending(key)) + " AS " + q("added") + ", "
                + sum(valid + " AND " + snapshotKey() + " IS NOT NULL AND " + hashDiffers + " AND " + notPending(key)) + " AS " + q("changed") + ", "
                + sum(valid + " AND " + snapshotKey() + " IS NOT NULL AND " + snapshotHash() + " = " + DIFF + "." + q(SpecialColumns.HASH)) + " AS " + q("unchanged") + ", "
                + sum(valid + " AND " + pending) + " AS " + q("pending") + ", "
                + "COUNT(*) AS " + q("total")
                + fromDiff();
    }

    /** Keys and hashes only, for the local backend, which diffs outside the warehouse. */
    public String keysAndHashes() {
        String key = keyExpression();
        return "SELECT " + key + " AS " + q(SpecialColumns.KEY) + ", "
                + dialect.rowHashExpression(spec.columns(), spec.salt(), MODEL) + " AS " + q(SpecialColumns.HASH)
                + " FROM " + dialect.quoteRelation(spec.relation()) + " " + MODEL + shardFilter(key, "WHERE");
    }

    /** The full rows of the given keys, for the local backend. Keys are quoted as literals by the dialect. */
    public String rowsWithKeys(List<String> keys) {
        String key = keyExpression();
        List<String> select = new ArrayList<>();
        for (String column : spec.columns()) {
            select.add(MODEL + "." + dialect.quoteIdentifier(column));
        }
        select.add(key + " AS " + q(SpecialColumns.KEY));
        select.add(dialect.rowHashExpression(spec.columns(), spec.salt(), MODEL) + " AS " + q(SpecialColumns.HASH));
        List<String> literals = keys.stream().map(dialect::quoteLiteral).toList();
        return "SELECT " + String.join(", ", select) + " FROM " + dialect.quoteRelation(spec.relation()) + " " + MODEL
                + " WHERE " + key + " IN (" + String.join(", ", literals) + ")";
    }

    private String fromDiff() {
        return " FROM (" + modelSubquery() + ") " + DIFF
                + " LEFT JOIN " + tables.table(spec.snapshotTable()) + " " + SNAPSHOT
                + " ON " + snapshotKey() + " = " + DIFF + "." + q(SpecialColumns.KEY);
    }

    private String invalidCondition() {
        return DIFF + "." + q(SpecialColumns.KEY) + " IS NULL OR " + DIFF + "." + q(SpecialColumns.DUPLICATES) + " > 1";
    }

    private String modeCondition() {
        String added = snapshotKey() + " IS NULL";
        String changed = "(" + snapshotKey() + " IS NOT NULL AND " + snapshotHash() + " <> " + DIFF + "." + q(SpecialColumns.HASH) + ")";
        return switch (spec.mode()) {
            case UPSERT, MIRROR -> "(" + added + " OR " + changed + ")";
            case INSERT -> "(" + added + ")";
            case UPDATE -> changed;
            case APPEND -> "1 = 1";
        };
    }

    private String notPending(String keyExpression) {
        return "NOT EXISTS (SELECT 1 FROM " + tables.table("pending_jobs") + " " + PENDING
                + " WHERE " + PENDING + "." + q("export_id") + " = " + dialect.quoteLiteral(spec.exportId())
                + " AND " + PENDING + "." + q("row_key") + " = " + keyExpression + ")";
    }

    /** Keeps the rows of this shard; rows with a NULL key go to shard 0 so they are reported once. */
    private String shardFilter(String key, String keyword) {
        if (spec.shard().isAll()) {
            return "";
        }
        String predicate = dialect.shardPredicate(key, spec.shard().index(), spec.shard().count());
        return " " + keyword + " " + (spec.shard().index() == 0 ? "(" + key + " IS NULL OR " + predicate + ")" : predicate);
    }

    private String snapshotKey() {
        return SNAPSHOT + "." + q("key");
    }

    private String snapshotHash() {
        return SNAPSHOT + "." + q("row_hash");
    }

    private static String sum(String condition) {
        return "COALESCE(SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END), 0)";
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }
}
