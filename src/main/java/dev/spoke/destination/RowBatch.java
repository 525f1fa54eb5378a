package dev.spoke.destination;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The rows of one write. The engine never mixes {@link RowOperation#DELETE} rows with others in one batch, never
 * puts two rows with the same key in one batch, and never sends more rows than
 * {@link Destination#maxBatchSize()}.
 *
 * @param export the export the rows belong to
 * @param rows the rows, at least one
 */
public record RowBatch(ExportDescriptor export, List<OutgoingRow> rows) {
    public RowBatch {
        requireNonNull(export, "export is null");
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one row");
        }
    }

    public int size() {
        return rows.size();
    }

    /** True when every row is a delete. */
    public boolean isDelete() {
        return rows.get(0).operation() == RowOperation.DELETE;
    }

    /** The rows from {@code from} (inclusive) to {@code to} (exclusive), for bisection. */
    public RowBatch slice(int from, int to) {
        return new RowBatch(export, rows.subList(from, to));
    }

    public List<RowKey> keys() {
        return rows.stream().map(OutgoingRow::key).toList();
    }
}
