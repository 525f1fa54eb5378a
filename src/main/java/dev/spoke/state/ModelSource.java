package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import dev.spoke.warehouse.Dialect;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The model side of a change set: a relation, the columns read from it, and how its key and row hash are computed
 * from a table alias. Usually the model's own relation in the warehouse; for the local backend, a staged table of
 * keys and hashes that the warehouse computed.
 *
 * @param relation the quoted relation
 * @param columns the sent columns to read (empty for a staged table)
 * @param keyExpression the key text expression, given the table alias
 * @param hashExpression the row hash expression, given the table alias
 */
public record ModelSource(String relation, List<String> columns, UnaryOperator<String> keyExpression,
        UnaryOperator<String> hashExpression) {

    public ModelSource {
        requireNonNull(relation, "relation is null");
        columns = List.copyOf(columns);
        requireNonNull(keyExpression, "keyExpression is null");
        requireNonNull(hashExpression, "hashExpression is null");
    }

    /** The model's relation in the warehouse: key and hash computed there, in the warehouse's dialect. */
    public static ModelSource model(Dialect dialect, ChangeSetSpec spec) {
        return new ModelSource(dialect.quoteRelation(spec.relation()), spec.columns(),
                alias -> dialect.keyExpression(spec.keyColumns(), alias),
                alias -> dialect.rowHashExpression(spec.columns(), spec.salt(), alias));
    }

    /** A staged table of {@code (key, row_hash)} already computed by the warehouse (local backend). */
    public static ModelSource staged(Dialect dialect, String quotedTable) {
        return new ModelSource(quotedTable, List.of(),
                alias -> alias + "." + dialect.quoteIdentifier("key"),
                alias -> alias + "." + dialect.quoteIdentifier("row_hash"));
    }
}
