package dev.spoke.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLocksTest {
    @TempDir
    Path directory;

    private DuckDbStateFixture db;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void open() {
        db = new DuckDbStateFixture(directory);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSecondRunOfTheSameExportIsRefusedWithTheHolderNamed() {
        try (RunLocks first = new RunLocks(db.store, "run-1", warnings::add);
                RunLocks second = new RunLocks(db.store, "run-2", warnings::add)) {
            first.acquire("people__hook", Shard.ALL);

            assertThatThrownBy(() -> second.acquire("people__hook", Shard.ALL))
                    .isInstanceOf(SpokeException.class)
                    .hasMessageContaining("people__hook is being synced by run run-1")
                    .satisfies(e -> assertThat(((SpokeException) e).exitCode()).isEqualTo(ExitCode.LOCKED));

            first.release("people__hook", Shard.ALL);
            second.acquire("people__hook", Shard.ALL);
        }
    }

    @Test
    void shardsOfOneExportRunSideBySideButNotBesideAWholeRun() {
        try (RunLocks shard0 = new RunLocks(db.store, "run-1", warnings::add);
                RunLocks shard1 = new RunLocks(db.store, "run-2", warnings::add);
                RunLocks whole = new RunLocks(db.store, "run-3", warnings::add)) {
            shard0.acquire("people__hook", new Shard(0, 2));
            shard1.acquire("people__hook", new Shard(1, 2));

            assertThatThrownBy(() -> whole.acquire("people__hook", Shard.ALL)).hasMessageContaining("run-1");
            assertThatThrownBy(() -> shard1.acquire("people__hook", new Shard(0, 2))).hasMessageContaining("run-1");
        }
    }

    @Test
    void aLockLeftByAProcessThatNoLongerExistsOnThisHostIsRecovered() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        try (RunLocks locks = new RunLocks(db.store, "run-new", warnings::add)) {
            db.store.prepare();
            db.execute("INSERT INTO spoke.locks VALUES ('people__hook', 'run-killed', '" + host + ":" + deadPid()
                    + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

            locks.acquire("people__hook", Shard.ALL);

            assertThat(warnings).singleElement().asString().contains("recovered the lock", "run-killed");
        }
    }

    @Test
    void aLockWhoseHeartbeatStoppedLongAgoIsRecoveredFromAnotherHost() {
        try (RunLocks locks = new RunLocks(db.store, "run-new", warnings::add)) {
            db.store.prepare();
            db.execute("INSERT INTO spoke.locks VALUES ('people__hook', 'run-lost', 'another-host:1', "
                    + "CURRENT_TIMESTAMP - INTERVAL 1 HOUR, CURRENT_TIMESTAMP - INTERVAL 1 HOUR)");

            locks.acquire("people__hook", Shard.ALL);

            assertThat(warnings).singleElement().asString().contains("run-lost");
        }
    }

    @Test
    void aLiveLockFromAnotherHostIsRespected() {
        try (RunLocks locks = new RunLocks(db.store, "run-new", warnings::add)) {
            db.store.prepare();
            db.execute("INSERT INTO spoke.locks VALUES ('people__hook', 'run-elsewhere', 'another-host:1', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

            assertThatThrownBy(() -> locks.acquire("people__hook", Shard.ALL)).hasMessageContaining("run-elsewhere");
        }
    }

    @Test
    void closingReleasesEveryLockHeld() {
        try (RunLocks locks = new RunLocks(db.store, "run-1", warnings::add)) {
            locks.acquire("a__hook", Shard.ALL);
            locks.acquire("b__hook", Shard.ALL);
        }
        List<String> held = db.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT lock_key FROM spoke.locks")
                .mapTo(String.class).list());
        assertThat(held).isEmpty();
    }

    /** A pid that no process has: the highest pid ever allowed, which the kernel does not hand out in tests. */
    private static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid--;
        }
        return pid;
    }
}
