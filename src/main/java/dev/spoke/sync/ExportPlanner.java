package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.SpokeException;
import dev.spoke.config.Export;
import dev.spoke.destination.SyncMode;
import dev.spoke.state.ChangeCounts;
import dev.spoke.state.ChangeCursor;
import dev.spoke.state.ChangeSet;
import dev.spoke.state.WarehouseChangeSet;
import java.util.ArrayList;
import java.util.List;

/** Plans one export: counts its change set and maps a few rows, reading only and writing nothing. */
final class ExportPlanner {
    private final RunResources resources;
    private final Export export;
    private final SyncOptions options;

    ExportPlanner(RunResources resources, Export export, SyncOptions options) {
        this.resources = requireNonNull(resources, "resources is null");
        this.export = requireNonNull(export, "export is null");
        this.options = requireNonNull(options, "options is null");
    }

    ExportPlan plan() {
        try {
            ExportShape shape = ExportShape.resolve(export, resources.warehouse(), options.shard());
            boolean stateExists = !options.fullRefresh() && resources.snapshotExists(shape.spec().snapshotTable());
            if (stateExists) {
                DeliveredKeyTypes.check(resources.store(), resources.warehouse().dialect(), shape).ifPresent(refusal -> {
                    throw refusal;
                });
            }
            try (ChangeSet changeSet = resources.localState()
                    ? new dev.spoke.state.LocalChangeSet(resources.warehouse(), resources.store(), shape.spec(),
                            stateExists)
                    : new WarehouseChangeSet(resources.warehouse(), resources.store().tables(), shape.spec(),
                            stateExists)) {
                return plan(shape, changeSet);
            }
        } catch (SpokeException e) {
            return new ExportPlan(export.id(), export.model().displayName(), export.connection().name(),
                    export.mode().configName(), null, 0, List.of(), e.getMessage());
        }
    }

    private ExportPlan plan(ExportShape shape, ChangeSet changeSet) {
        ChangeCounts counts = changeSet.counts();
        List<ObjectNode> samples = new ArrayList<>();
        if (options.samples() > 0) {
            try (ChangeCursor cursor = changeSet.changedRows(Math.max(options.samples() * 4, 16))) {
                while (samples.size() < options.samples() && cursor.next()) {
                    if (cursor.key() != null && cursor.duplicates() == 1) {
                        samples.add(shape.mapper().map(cursor::value).toTree());
                    }
                }
            }
        }
        return new ExportPlan(export.id(), export.model().displayName(), export.connection().name(),
                export.mode().configName(), counts, toSend(export.mode(), counts), samples, null);
    }

    /** The rows a sync in {@code mode} sends for {@code counts}. */
    static long toSend(SyncMode mode, ChangeCounts counts) {
        return switch (mode) {
            case UPSERT, UPDATE -> counts.added() + counts.changed();
            case MIRROR -> counts.added() + counts.changed() + counts.removed();
            case INSERT -> counts.added();
            case APPEND -> counts.total() - counts.invalid();
        };
    }
}
