package dev.spoke.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.delivery.DeliveryListener;
import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.report.RunLog;
import dev.spoke.report.RunResultsWriter;
import dev.spoke.state.Shard;
import dev.spoke.sync.ExportPlan;
import dev.spoke.sync.LoadedProject;
import dev.spoke.sync.ProjectRequest;
import dev.spoke.sync.SyncEngine;
import dev.spoke.sync.SyncOptions;
import dev.spoke.sync.SyncReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs spoke's engine in the test's JVM the way {@code spoke sync|plan|state} do (the same facade, the same run
 * results file), which keeps the many runs of the sync tests fast; the CLI tests run the real jar instead.
 */
public final class InProcessSpoke {
    private final List<String> logLines = new CopyOnWriteArrayList<>();

    /** The log lines of every run so far: {@code LEVEL event: message}. */
    public List<String> log() {
        return List.copyOf(logLines);
    }

    public SyncEngine engine() {
        RunLog log = (level, event, message, fields) -> logLines.add(level + " " + event + ": " + message);
        return new SyncEngine(DestinationRegistry.load(), Clock.systemUTC(), log, new SimpleMeterRegistry(),
                DeliveryListener.NONE, new StopSignal());
    }

    /** {@code spoke sync}: the report, and the run results file it wrote. */
    public Run sync(ProjectRequest request, SyncOptions options) {
        SyncEngine engine = engine();
        LoadedProject project = engine.load(request);
        SyncReport report = engine.sync(project, options);
        RunResultsWriter.write(report, project.targetDir());
        return new Run(report, RunResultsWriter.toJson(report));
    }

    public Run sync(ProjectRequest request) {
        return sync(request, SyncOptions.DEFAULTS);
    }

    /** {@code spoke sync --full-refresh}. */
    public Run fullRefresh(ProjectRequest request) {
        return sync(request, new SyncOptions(true, Shard.ALL, Optional.empty(), SyncOptions.DEFAULT_FETCH_SIZE, 3));
    }

    /** {@code spoke sync --shard i/n}. */
    public Run shard(ProjectRequest request, Shard shard) {
        return sync(request, new SyncOptions(false, shard, Optional.empty(), SyncOptions.DEFAULT_FETCH_SIZE, 3));
    }

    /** {@code spoke plan}. */
    public List<ExportPlan> plan(ProjectRequest request) {
        SyncEngine engine = engine();
        return engine.plan(engine.load(request), SyncOptions.DEFAULTS);
    }

    /** {@code spoke state show}. */
    public List<Map<String, Object>> stateShow(ProjectRequest request) {
        SyncEngine engine = engine();
        return engine.describeState(engine.load(request));
    }

    /** {@code spoke state reset --select ...}. */
    public List<String> stateReset(ProjectRequest request) {
        SyncEngine engine = engine();
        return engine.resetState(engine.load(request));
    }

    /**
     * One sync's outcome.
     *
     * @param report what the engine returned
     * @param runResults the spoke_run_results.json document of this run
     */
    public record Run(SyncReport report, JsonNode runResults) {
        /** The run results entry of one export. */
        public JsonNode result(String exportId) {
            for (JsonNode result : runResults.path("results")) {
                if (exportId.equals(result.path("export_id").asText())) {
                    return result;
                }
            }
            throw new AssertionError("no result for export " + exportId + " in " + runResults.toPrettyString());
        }

        /** {@code results[export].rows.<name>}. */
        public long rows(String exportId, String name) {
            return result(exportId).path("rows").path(name).asLong(-1);
        }
    }
}
