package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.SpokeException;
import java.util.List;
import java.util.Optional;

/**
 * The types of an export's key columns when its rows were delivered, as the {@code exports} table records them
 * ({@code key_types}: a JSON array of the warehouse's type names, in key order, e.g. {@code ["text","int8"]}). A delete
 * names its row with its stored key text read back with these types, so it carries the key as the upsert did; the
 * engine compares them with the model's types before it sends anything ({@code dev.spoke.sync}). Shares the store's
 * connection and lock.
 */
public final class ExportKeyTypes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final StateStore store;

    public ExportKeyTypes(StateStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * The recorded key types; empty when none are: an export never synced, one reset since, or state written by an
     * earlier version (which recorded none; nothing is created or altered to find out).
     */
    public Optional<List<String>> recorded(String exportId) {
        synchronized (store) {
            if (!store.isPrepared() && !store.hasExportsColumn("key_types")) {
                return Optional.empty();
            }
            StateTables tables = store.tables();
            return store.handle().createQuery("SELECT " + tables.col("key_types") + " FROM " + tables.table("exports")
                            + " WHERE " + tables.col("export_id") + " = ?")
                    .bind(0, exportId)
                    .mapTo(String.class)
                    .findOne()
                    .map(ExportKeyTypes::decode);
        }
    }

    /** Records the key types the export's rows are delivered with from now on. */
    public void record(String exportId, List<String> keyTypes) {
        synchronized (store) {
            store.prepare();
            StateTables tables = store.tables();
            store.handle().createUpdate("UPDATE " + tables.table("exports") + " SET " + tables.col("key_types")
                            + " = ? WHERE " + tables.col("export_id") + " = ?")
                    .bind(0, encode(keyTypes)).bind(1, exportId)
                    .execute();
        }
    }

    /** Whether the export's snapshot holds a row the destination confirmed (reads one row at most). */
    public boolean anyDelivered(String snapshotTable) {
        synchronized (store) {
            return store.handle().createQuery("SELECT 1 FROM " + store.tables().table(snapshotTable) + " LIMIT 1")
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent();
        }
    }

    static String encode(List<String> keyTypes) {
        try {
            return JSON.writeValueAsString(List.copyOf(keyTypes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serializes", e);
        }
    }

    private static List<String> decode(String json) {
        try {
            return JSON.readValue(json, NAMES);
        } catch (JsonProcessingException e) {
            throw SpokeException.runtime("the state table exports holds key_types " + json + ", not a JSON array of"
                    + " type names", "set it to NULL for this export (the next sync records the model's key types)", e);
        }
    }
}
