package dev.spoke.sync;

import dev.spoke.SpokeException;
import dev.spoke.config.Export;
import dev.spoke.state.ExportKeyTypes;
import dev.spoke.state.StateStore;
import dev.spoke.warehouse.Dialect;
import dev.spoke.warehouse.KeyType;
import java.util.List;
import java.util.Optional;

/**
 * Before an export sends anything, compares the key types its delivered rows were sent with (recorded in the state
 * store) with the model's key types now. The recorded types always describe every row the snapshot holds, so a delete
 * names a row as its upsert did:
 * <ul>
 *   <li>none recorded (first sync, after a reset, or state from an earlier version): the model's types are recorded;
 *   <li>a change that reads every delivered key the same ({@code int4} to {@code int8}, {@code varchar} to
 *       {@code text}, integers to decimals): the model's types are recorded;
 *   <li>any other change (a bigint key becoming text, a key column added): when the snapshot holds rows, the export
 *       is refused with what changed and how to go on, since the destination holds those keys in the old form;
 *       with an empty snapshot the model's types are recorded.
 * </ul>
 */
final class DeliveredKeyTypes {
    private DeliveredKeyTypes() {
    }

    /**
     * Records the model's key types where the rules allow it.
     *
     * @throws SpokeException when the key types changed in a way the delivered rows forbid
     */
    static void settle(StateStore store, Dialect dialect, ExportShape shape) {
        ExportKeyTypes keyTypes = new ExportKeyTypes(store);
        List<String> now = shape.keyTypes().stream().map(KeyType::typeName).toList();
        Optional<List<String>> recorded = keyTypes.recorded(shape.export().id());
        if (recorded.isPresent() && recorded.get().equals(now)) {
            return;
        }
        refusal(keyTypes, recorded, dialect, shape).ifPresent(refusal -> {
            throw refusal;
        });
        keyTypes.record(shape.export().id(), now);
    }

    /** The refusal {@link #settle} would make, for {@code spoke plan}, which writes nothing. */
    static Optional<SpokeException> check(StateStore store, Dialect dialect, ExportShape shape) {
        ExportKeyTypes keyTypes = new ExportKeyTypes(store);
        return refusal(keyTypes, keyTypes.recorded(shape.export().id()), dialect, shape);
    }

    private static Optional<SpokeException> refusal(ExportKeyTypes keyTypes, Optional<List<String>> recorded,
            Dialect dialect, ExportShape shape) {
        Optional<String> change = recorded.flatMap(names -> change(names, dialect, shape));
        if (change.isEmpty() || !keyTypes.anyDelivered(shape.spec().snapshotTable())) {
            return Optional.empty();
        }
        Export export = shape.export();
        return Optional.of(SpokeException.config("export " + export.id() + ": " + change.get() + ", so deletes and"
                        + " updates would no longer name the rows delivered so far as the destination holds them; give"
                        + " model " + export.model().displayName() + " its old key types back (" + recorded.get()
                        + "), or send every row again with the new ones: spoke sync --full-refresh --select export:"
                        + export.id(),
                "a full refresh sends every row of the model again and deletes nothing: rows the destination has"
                        + " but the model no longer has stay there"));
    }

    /** What changed between the recorded key types and the model's, when a delivered key would read differently. */
    private static Optional<String> change(List<String> recorded, Dialect dialect, ExportShape shape) {
        List<KeyType> now = shape.keyTypes();
        if (recorded.size() != now.size()) {
            return Optional.of("its key has " + now.size() + " column(s) now (" + String.join(", ", shape.keyColumns())
                    + ") but had " + recorded.size() + " when its rows were delivered (of types " + recorded + ")");
        }
        for (int i = 0; i < now.size(); i++) {
            KeyType earlier = dialect.keyType(recorded.get(i));
            if (!now.get(i).readsKeysOf(earlier)) {
                return Optional.of("key column " + shape.keyColumns().get(i) + " was " + earlier
                        + " when its rows were delivered and is " + now.get(i) + " now");
            }
        }
        return Optional.empty();
    }
}
