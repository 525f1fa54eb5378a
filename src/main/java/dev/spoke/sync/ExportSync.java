package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.config.ConnectionOptions;
import dev.spoke.config.Export;
import dev.spoke.delivery.Deferral;
import dev.spoke.delivery.Deliverer;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.state.ChangeCounts;
import dev.spoke.state.ChangeSet;
import dev.spoke.state.ChangeSetSpec;
import dev.spoke.warehouse.KeyType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Runs one export from start to end: checks the model's relation and columns, registers the export in the state
 * store, takes its lock, checks its key types against those its rows were delivered with ({@link DeliveredKeyTypes}),
 * resumes jobs left open by an earlier run, sends the change set, and turns what happened into
 * an {@link ExportResult}. A failure here fails this export only; the engine goes on with the others.
 */
final class ExportSync {
    private static final String TIME_BUDGET_ENDED = "time budget exhausted";

    private final RunContext run;
    private final Export export;
    private final Deliverer deliverer;
    private final DestinationContext destinationContext;
    private final Function<ChangeSetSpec, ChangeSet> changeSets;
    private final ExportCounters counters = new ExportCounters();
    private final List<PhaseTiming> timing = new ArrayList<>();

    ExportSync(RunContext run, Export export, Deliverer deliverer, DestinationContext destinationContext,
            Function<ChangeSetSpec, ChangeSet> changeSets) {
        this.run = requireNonNull(run, "run is null");
        this.export = requireNonNull(export, "export is null");
        this.deliverer = requireNonNull(deliverer, "deliverer is null");
        this.destinationContext = requireNonNull(destinationContext, "destinationContext is null");
        this.changeSets = requireNonNull(changeSets, "changeSets is null");
    }

    ExportResult run() {
        Instant started = run.clock().instant();
        try {
            Instant planStarted = started;
            ExportShape shape = ExportShape.resolve(export, run.warehouse(), run.shard());
            String snapshotTable = run.store().registerExport(export.id(), export.model().uniqueId(),
                    export.connection().name(), export.mode().configName(), shape.mapper().fingerprint(),
                    shape.keyTypes().stream().map(KeyType::typeName).toList());
            try {
                run.locks().acquire(export.id(), run.shard());
            } catch (SpokeException e) {
                if (e.exitCode() == ExitCode.LOCKED) {
                    return result(started, ExportStatus.SKIPPED, SkipReason.LOCKED, "locked: " + e.getMessage());
                }
                throw e;
            }
            try {
                if (run.fullRefresh()) {
                    run.store().resetExport(export.id());
                }
                DeliveredKeyTypes.settle(run.store(), run.warehouse().dialect(), shape);
                timing.add(new PhaseTiming("plan", planStarted, run.clock().instant()));
                Instant deliverStarted = run.clock().instant();
                BatchCommitter committer = new BatchCommitter(run.store(), export.id(), snapshotTable,
                        export.connection().name(), run.runId(), counters);
                try (Destination destination = createDestination()) {
                    new JobResumer(run, export, destination, deliverer, committer).resume();
                    try (ChangeSet changeSet = changeSets.apply(shape.spec())) {
                        run.observer().exportStarted(new LiveExport(export.id(), export.model().displayName(),
                                export.connection().name(), total(changeSet), counters::snapshot));
                        new ExportPass(run, export.descriptor(), destination, deliverer, shape.mapper(), committer,
                                counters).run(changeSet);
                    }
                    timing.add(new PhaseTiming("deliver", deliverStarted, run.clock().instant()));
                    return finish(started, destination);
                }
            } finally {
                run.locks().release(export.id(), run.shard());
            }
        } catch (SpokeException e) {
            run.log().error("export.failed", e.getMessage() + (e.hint() == null ? "" : " (" + e.hint() + ")"), Map.of());
            return result(started, ExportStatus.ERROR, null, e.getMessage());
        } catch (RuntimeException e) {
            run.log().error("export.failed", "unexpected failure: " + e, Map.of());
            return result(started, ExportStatus.ERROR, null, "unexpected failure: " + e);
        }
    }

    /** Rows to send plus invalid rows, when the run counts totals (only where counting is cheap). */
    private OptionalLong total(ChangeSet changeSet) {
        if (!run.countTotals()) {
            return OptionalLong.empty();
        }
        ChangeCounts counts = changeSet.counts();
        return OptionalLong.of(ExportPlanner.toSend(export.mode(), counts) + counts.invalid());
    }

    private Destination createDestination() {
        try {
            return export.factory().create(ConnectionOptions.destinationSpec(export), destinationContext);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw SpokeException.config(e.getMessage(), "fix connection '" + export.connection().name()
                    + "' in spoke.yml or meta.destinations[" + export.entryIndex() + "] of model "
                    + export.model().displayName() + " in " + export.model().propertiesFile());
        }
    }

    private ExportResult finish(Instant started, Destination destination) {
        if (run.stop().requested()) {
            return result(started, ExportStatus.INTERRUPTED, null,
                    "interrupted (" + run.stop().reason() + "); confirmed rows were committed, the rest is sent next run");
        }
        RowCounts rows = counters.snapshot();
        long fromEarlierJobs = counters.fromEarlierJobs.get();
        long inOpenJobs = counters.inOpenJobs.get();
        boolean readingEnded = counters.stopEndedReading.get() || counters.budgetEndedReading.get();
        String notRead = readingEnded ? "; changes not read yet go next run" : "";
        String counts = readingEnded && nothingHappened(rows, fromEarlierJobs, inOpenJobs)
                ? "nothing sent" : describe(rows, fromEarlierJobs, inOpenJobs);
        Map<Deferral.Cause, String> deferrals = counters.deferrals();
        Optional<String> failed = deliverer.stopReason(destination)
                .or(() -> Optional.ofNullable(deferrals.get(Deferral.Cause.DESTINATION_FAILED)));
        if (failed.isPresent()) {
            return result(started, ExportStatus.ERROR, null, failed.get() + "; " + counts + notRead);
        }
        long refused = rows.rejected() + rows.invalid();
        Optional<String> overThreshold = threshold(export.connection().delivery(), rows, refused, fromEarlierJobs);
        if (overThreshold.isPresent()) {
            return result(started, ExportStatus.ERROR, null, overThreshold.get());
        }
        Optional<String> waited = deliverer.throttledOutReason()
                .or(() -> Optional.ofNullable(deferrals.get(Deferral.Cause.THROTTLED)))
                .or(() -> Optional.ofNullable(deferrals.get(Deferral.Cause.TIME_BUDGET)))
                .or(() -> counters.budgetEndedReading.get() ? Optional.of(TIME_BUDGET_ENDED) : Optional.empty());
        if (waited.isPresent()) {
            return result(started, ExportStatus.WARN, null, counts + "; " + waited.get() + notRead);
        }
        if (refused > 0 || inOpenJobs > 0) {
            return result(started, ExportStatus.WARN, null, counts);
        }
        return result(started, ExportStatus.SUCCESS, null, counts);
    }

    private static Optional<String> threshold(DeliverySettings settings, RowCounts rows, long refused,
            long fromEarlierJobs) {
        if (settings.maxRejectedRows().isPresent() && refused > settings.maxRejectedRows().getAsLong()) {
            return Optional.of(refused + " rows rejected or invalid, more than max_rejected_rows ("
                    + settings.maxRejectedRows().getAsLong() + ")");
        }
        long attempted = rows.sent() + fromEarlierJobs + rows.invalid();
        if (settings.maxRejectedPercent().isPresent() && attempted > 0) {
            double percent = 100.0 * refused / attempted;
            if (percent > settings.maxRejectedPercent().getAsDouble()) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "%.1f%% of rows rejected or invalid, more than max_rejected_percent (%s%%)", percent,
                        settings.maxRejectedPercent().getAsDouble()));
            }
        }
        return Optional.empty();
    }

    /**
     * @param fromEarlierJobs rows of jobs an earlier run submitted, answered in this run (not in {@code sent})
     * @param inOpenJobs rows inside jobs still running when this run stopped polling them
     */
    private static String describe(RowCounts rows, long fromEarlierJobs, long inOpenJobs) {
        if (nothingHappened(rows, fromEarlierJobs, inOpenJobs)) {
            return "no changes";
        }
        StringBuilder text = new StringBuilder()
                .append(rows.delivered()).append(" of ").append(rows.sent() + fromEarlierJobs)
                .append(" rows delivered (")
                .append(rows.added()).append(" added, ").append(rows.changed()).append(" changed, ")
                .append(rows.removed()).append(" removed");
        if (fromEarlierJobs > 0) {
            text.append(", ").append(fromEarlierJobs).append(" from jobs an earlier run submitted");
        }
        text.append(')');
        if (inOpenJobs > 0) {
            text.append(", ").append(inOpenJobs).append(" in jobs still running (polled again next run)");
        }
        if (rows.rejected() > 0) {
            text.append(", ").append(rows.rejected()).append(" rejected (sent again next run)");
        }
        if (rows.deferred() > 0) {
            text.append(", ").append(rows.deferred()).append(" deferred (not refused; sent again next run)");
        }
        if (rows.invalid() > 0) {
            text.append(", ").append(rows.invalid()).append(" invalid (not sent)");
        }
        return text.toString();
    }

    private static boolean nothingHappened(RowCounts rows, long fromEarlierJobs, long inOpenJobs) {
        return rows.sent() == 0 && rows.invalid() == 0 && fromEarlierJobs == 0 && inOpenJobs == 0;
    }

    private ExportResult result(Instant started, ExportStatus status, SkipReason skipReason, String message) {
        Duration elapsed = Duration.between(started, run.clock().instant());
        return new ExportResult(export.id(), export.model().uniqueId(), export.model().displayName(),
                export.connection().name(), export.connection().type(), export.mode().configName(), status,
                skipReason, message, counters.snapshot(), counters.errors(), timing, elapsed);
    }
}
