package dev.spoke.sync;

import dev.spoke.delivery.Deferral;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row counts and the first row errors of one export while it runs; updated from the reading thread and the sender
 * threads. The same numbers feed run results and metrics, so they always agree.
 */
final class ExportCounters {
    final AtomicLong read = new AtomicLong();
    final AtomicLong added = new AtomicLong();
    final AtomicLong changed = new AtomicLong();
    final AtomicLong removed = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong deferred = new AtomicLong();
    final AtomicLong invalid = new AtomicLong();
    /** Rows of jobs an earlier run submitted whose outcomes this run committed (in delivered or rejected, not sent). */
    final AtomicLong fromEarlierJobs = new AtomicLong();
    /** Rows inside jobs that had not ended when this run stopped polling them (committed by a later run). */
    final AtomicLong inOpenJobs = new AtomicLong();
    /** Set when the time budget ended the reading of the change set: the rows not read go next run. */
    final AtomicBoolean budgetEndedReading = new AtomicBoolean();
    /** Set when the destination stopped (fatal answer, open circuit) before the change set was read to its end. */
    final AtomicBoolean stopEndedReading = new AtomicBoolean();
    private final List<RowError> errors = new ArrayList<>();
    /** The first reason rows were deferred for, per cause: the export's status and message come from them. */
    private final Map<Deferral.Cause, String> deferrals = new EnumMap<>(Deferral.Cause.class);

    synchronized void recordError(RowError error) {
        if (errors.size() < ExportResult.MAX_ERRORS) {
            errors.add(error);
        }
    }

    synchronized List<RowError> errors() {
        return List.copyOf(errors);
    }

    /** A row was deferred to the next run. */
    void recordDeferral(Deferral deferral) {
        deferred.incrementAndGet();
        synchronized (this) {
            deferrals.putIfAbsent(deferral.cause(), deferral.reason());
        }
    }

    /** The first reason per cause rows were deferred for, in the causes' order. */
    synchronized Map<Deferral.Cause, String> deferrals() {
        return new EnumMap<>(deferrals);
    }

    RowCounts snapshot() {
        return new RowCounts(read.get(), added.get(), changed.get(), removed.get(), sent.get(), delivered.get(),
                rejected.get(), deferred.get(), invalid.get());
    }
}
