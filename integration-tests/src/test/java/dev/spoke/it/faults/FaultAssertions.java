package dev.spoke.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The checks every fault-injection case makes: what was delivered, what was reported, that nothing was lost. */
final class FaultAssertions {
    private FaultAssertions() {
    }

    /** The receiver accepted exactly {@code expected}, and spoke's snapshot records exactly those keys. */
    static void deliveredExactly(FaultProject project, FaultyReceiver receiver, Set<String> expected) {
        sameKeys(receiver.acceptedKeys(), expected, "keys the receiver accepted");
        sameKeys(project.snapshotKeys(), expected, "keys spoke committed as delivered");
    }

    /**
     * {@code actual} and {@code expected} hold the same keys; a failure names the keys missing and the keys not
     * expected. Linear, unlike AssertJ's containsExactlyInAnyOrder, which takes seconds on 20,000 keys.
     */
    static void sameKeys(Collection<String> actual, Collection<String> expected, String what) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(new HashSet<>(actual));
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(new HashSet<>(expected));
        assertThat(missing).as(what + ": expected keys missing").isEmpty();
        assertThat(unexpected).as(what + ": keys not expected").isEmpty();
        assertThat(actual).as(what + ": no key twice").hasSameSizeAs(new HashSet<>(actual));
    }

    /**
     * The run rejected exactly the keys of {@code reasons}, each with a reason containing the given text, both in
     * run results' errors[] and in sync_log.
     */
    static void rejectedExactly(FaultProject project, RunOutcome run, Map<String, String> reasons) {
        Map<String, String> reported = run.errors();
        assertThat(reported.keySet()).as("keys in run results errors[]")
                .containsExactlyInAnyOrderElementsOf(reasons.keySet());
        Map<String, String> logged = project.syncLogErrors(run.invocationId());
        assertThat(logged.keySet()).as("keys in sync_log").containsExactlyInAnyOrderElementsOf(reasons.keySet());
        reasons.forEach((key, reason) -> {
            assertThat(reported.get(key)).as("run results reason of key " + key).contains(reason);
            assertThat(logged.get(key)).as("sync_log reason of key " + key).contains(reason);
        });
        project.syncLog(run.invocationId()).forEach(row ->
                assertThat(row.status()).as("sync_log status of key " + row.key()).isEqualTo("rejected"));
    }

    /** Every key of the model is either committed as delivered or logged as rejected by this run. */
    static void nothingLost(FaultProject project, RunOutcome run) {
        Set<String> accounted = new LinkedHashSet<>(project.snapshotKeys());
        accounted.addAll(project.syncLogErrors(run.invocationId()).keySet());
        sameKeys(accounted, project.allKeys(), "keys delivered or reported");
    }

    /** Status, exit code and the sent/delivered/rejected counts of the run's one export, which deferred nothing. */
    static void counts(RunOutcome run, String status, int exitCode, long sent, long delivered, long rejected) {
        counts(run, status, exitCode, sent, delivered, rejected, 0);
    }

    /**
     * Status, exit code and the sent/delivered/deferred counts of the run's one export, which rejected nothing: the
     * deferred rows are in neither sync_log nor run results' errors[].
     */
    static void deferredCounts(FaultProject project, RunOutcome run, String status, int exitCode, long sent,
            long delivered, long deferred) {
        counts(run, status, exitCode, sent, delivered, 0, deferred);
        assertThat(project.syncLog(run.invocationId())).as("sync_log rows of a run that only deferred").isEmpty();
        assertThat(run.errors()).as("run results errors[] of a run that only deferred").isEmpty();
    }

    private static void counts(RunOutcome run, String status, int exitCode, long sent, long delivered, long rejected,
            long deferred) {
        assertThat(run.status()).as("status; " + run).isEqualTo(status);
        assertThat(run.exitCode()).as("exit code; " + run).isEqualTo(exitCode);
        assertThat(run.runResults().path("exit_code").asInt()).as("exit_code in run results").isEqualTo(exitCode);
        assertThat(run.rows("sent")).as("rows.sent").isEqualTo(sent);
        assertThat(run.rows("delivered")).as("rows.delivered").isEqualTo(delivered);
        assertThat(run.rows("rejected")).as("rows.rejected").isEqualTo(rejected);
        assertThat(run.rows("deferred")).as("rows.deferred").isEqualTo(deferred);
    }
}
