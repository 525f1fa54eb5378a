package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.delivery.StopSignal;
import dev.spoke.report.RunLog;
import dev.spoke.state.RunLocks;
import dev.spoke.state.Shard;
import dev.spoke.state.StateStore;
import dev.spoke.warehouse.Warehouse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What every export of one run shares.
 *
 * @param runId the run's id
 * @param warehouse the warehouse the models are read from
 * @param store the delivery state
 * @param locks the run's locks
 * @param shard the slice of keys this run handles
 * @param fullRefresh whether to forget every snapshot first and resend everything
 * @param fetchSize rows fetched per round trip when streaming a change set
 * @param stop set on SIGINT/SIGTERM
 * @param deadline the end of the time budget ({@code --time-budget}), or empty
 * @param clock the clock
 * @param log the run's log
 * @param observer hears each export start and end (metrics, progress)
 * @param countTotals whether to count each export's change set before sending it, for the observer's totals
 */
record RunContext(
        String runId,
        Warehouse warehouse,
        StateStore store,
        RunLocks locks,
        Shard shard,
        boolean fullRefresh,
        int fetchSize,
        StopSignal stop,
        Optional<Instant> deadline,
        Clock clock,
        RunLog log,
        SyncObserver observer,
        boolean countTotals) {
    RunContext {
        requireNonNull(runId, "runId is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(store, "store is null");
        requireNonNull(locks, "locks is null");
        requireNonNull(shard, "shard is null");
        requireNonNull(stop, "stop is null");
        requireNonNull(deadline, "deadline is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(log, "log is null");
        requireNonNull(observer, "observer is null");
    }

    /** The same context, logging with extra fields (export, destination). */
    RunContext withLog(RunLog exportLog) {
        return new RunContext(runId, warehouse, store, locks, shard, fullRefresh, fetchSize, stop, deadline, clock,
                exportLog, observer, countTotals);
    }

    /** Whether the time budget is spent: no more rows are read, as no more requests start. */
    boolean pastDeadline() {
        return deadline.isPresent() && clock.instant().isAfter(deadline.get());
    }
}
