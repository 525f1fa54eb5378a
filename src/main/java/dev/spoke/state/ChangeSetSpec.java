package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import dev.spoke.dbt.Relation;
import dev.spoke.destination.SyncMode;
import java.util.List;

/**
 * Everything the change-set queries of one export need.
 *
 * @param exportId the export
 * @param relation the model's relation
 * @param columns the model columns that are sent (after mapping), in order; the row hash covers exactly these
 * @param keyColumns the key columns, in order
 * @param salt folded into every row hash: the fingerprint of the mapping, so a mapping change resends every row
 * @param mode the sync mode
 * @param shard the slice of keys this run handles
 * @param snapshotTable the unquoted snapshot table name
 */
public record ChangeSetSpec(
        String exportId, Relation relation, List<String> columns, List<String> keyColumns, String salt, SyncMode mode,
        Shard shard, String snapshotTable) {
    public ChangeSetSpec {
        requireNonNull(exportId, "exportId is null");
        requireNonNull(relation, "relation is null");
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        requireNonNull(salt, "salt is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(shard, "shard is null");
        requireNonNull(snapshotTable, "snapshotTable is null");
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one key column");
        }
    }
}
