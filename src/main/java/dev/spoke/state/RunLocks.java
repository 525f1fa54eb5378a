package dev.spoke.state;

import static java.util.Objects.requireNonNull;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps two runs from working on the same export at once: a row per held lock in the state store's {@code locks}
 * table, refreshed by a heartbeat while the run lives. A lock whose heartbeat stopped (a run killed with
 * {@code kill -9}, a lost machine) is taken over: at once when its holder was a process on this host that no longer
 * exists, otherwise once the heartbeat is older than {@link #STALE_AFTER}.
 *
 * <p>A whole-export run and a shard run of the same export exclude each other; different shards do not.
 */
public final class RunLocks implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration STALE_AFTER = Duration.ofSeconds(90);

    private final StateStore store;
    private final String runId;
    private final String holder;
    private final Consumer<String> warnings;
    private final CopyOnWriteArraySet<String> held = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService heartbeat;

    public RunLocks(StateStore store, String runId, Consumer<String> warnings) {
        this.store = requireNonNull(store, "store is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.holder = hostName() + ":" + ProcessHandle.current().pid();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "spoke-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The lock key of an export, or of one shard of it. */
    public static String lockKey(String exportId, Shard shard) {
        return shard.isAll() ? exportId : exportId + "#shard " + shard;
    }

    /**
     * Takes the lock of an export (or shard).
     *
     * @throws SpokeException with {@link ExitCode#LOCKED} when a live run holds it, naming that run
     */
    public void acquire(String exportId, Shard shard) {
        String key = lockKey(exportId, shard);
        synchronized (store) {
            store.prepare();
            var handle = store.handle();
            handle.useTransaction(h -> {
                for (Map<String, Object> other : h.createQuery("SELECT " + cols() + " FROM " + table()
                                + " WHERE " + col("lock_key") + " = ? OR " + col("lock_key") + " LIKE ?")
                        .bind(0, exportId).bind(1, exportId + "#shard %")
                        .mapToMap().list()) {
                    String otherKey = String.valueOf(other.get("lock_key"));
                    boolean conflicts = otherKey.equals(key) || shard.isAll() || otherKey.equals(exportId);
                    if (!conflicts) {
                        continue;
                    }
                    if (isAbandoned(other)) {
                        warnings.accept("recovered the lock of " + otherKey + " left by run " + other.get("run_id")
                                + " (" + other.get("holder") + ", last heartbeat " + other.get("heartbeat_at")
                                + "), which is no longer running");
                        h.createUpdate("DELETE FROM " + table() + " WHERE " + col("lock_key") + " = ? AND "
                                + col("run_id") + " = ?").bind(0, otherKey).bind(1, other.get("run_id")).execute();
                    } else {
                        throw new SpokeException(ExitCode.LOCKED,
                                "export " + exportId + " is being synced by run " + other.get("run_id") + " ("
                                        + other.get("holder") + ", since " + other.get("acquired_at") + ")",
                                "wait for that run to finish; a lock whose run was killed is recovered automatically"
                                        + " after " + STALE_AFTER.toSeconds() + " s, or at once on the same host");
                    }
                }
                h.createUpdate("INSERT INTO " + table() + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                        .bind(0, key).bind(1, runId).bind(2, holder).execute();
            });
            held.add(key);
        }
    }

    /** Releases the lock of an export (or shard) held by this run. */
    public void release(String exportId, Shard shard) {
        String key = lockKey(exportId, shard);
        synchronized (store) {
            store.handle().createUpdate("DELETE FROM " + table() + " WHERE " + col("lock_key") + " = ? AND "
                    + col("run_id") + " = ?").bind(0, key).bind(1, runId).execute();
            held.remove(key);
        }
    }

    private boolean isAbandoned(Map<String, Object> lock) {
        String otherHolder = String.valueOf(lock.get("holder"));
        int colon = otherHolder.lastIndexOf(':');
        if (colon > 0 && otherHolder.substring(0, colon).equals(hostName())) {
            try {
                long pid = Long.parseLong(otherHolder.substring(colon + 1));
                Optional<ProcessHandle> process = ProcessHandle.of(pid);
                if (process.isEmpty() || !process.get().isAlive()) {
                    return true;
                }
            } catch (NumberFormatException ignored) {
                // not one of ours; fall back to the heartbeat
            }
        }
        return Boolean.TRUE.equals(store.handle().createQuery("SELECT " + col("heartbeat_at")
                        + " < CURRENT_TIMESTAMP - INTERVAL '" + STALE_AFTER.toSeconds() + " seconds' FROM " + table()
                        + " WHERE " + col("lock_key") + " = ? AND " + col("run_id") + " = ?")
                .bind(0, lock.get("lock_key")).bind(1, lock.get("run_id"))
                .mapTo(Boolean.class).findOne().orElse(true));
    }

    private void beat() {
        List<String> keys = List.copyOf(held);
        if (keys.isEmpty()) {
            return;
        }
        try {
            synchronized (store) {
                for (String key : keys) {
                    store.handle().createUpdate("UPDATE " + table() + " SET " + col("heartbeat_at")
                            + " = CURRENT_TIMESTAMP WHERE " + col("lock_key") + " = ? AND " + col("run_id") + " = ?")
                            .bind(0, key).bind(1, runId).execute();
                }
            }
        } catch (RuntimeException e) {
            warnings.accept("could not refresh the run lock heartbeat: " + e.getMessage());
        }
    }

    private String table() {
        return store.tables().table("locks");
    }

    private String col(String name) {
        return store.tables().col(name);
    }

    private String cols() {
        return String.join(", ", col("lock_key"), col("run_id"), col("holder"), col("acquired_at"), col("heartbeat_at"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** Stops the heartbeat and releases every lock this run still holds. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        synchronized (store) {
            for (String key : List.copyOf(held)) {
                store.handle().createUpdate("DELETE FROM " + table() + " WHERE " + col("lock_key") + " = ? AND "
                        + col("run_id") + " = ?").bind(0, key).bind(1, runId).execute();
                held.remove(key);
            }
        }
    }
}
