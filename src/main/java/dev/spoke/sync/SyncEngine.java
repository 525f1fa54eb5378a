package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.SpokeVersion;
import dev.spoke.config.ConnectionSpec;
import dev.spoke.config.Export;
import dev.spoke.config.Problem;
import dev.spoke.config.ProblemsException;
import dev.spoke.SpokeException;
import dev.spoke.dbt.ProfileTarget;
import dev.spoke.dbt.ProfilesReader;
import dev.spoke.warehouse.Warehouse;
import dev.spoke.warehouse.WarehouseConnector;
import java.nio.file.Path;
import dev.spoke.delivery.Deliverer;
import dev.spoke.delivery.DeliveryContext;
import dev.spoke.delivery.DeliveryListener;
import dev.spoke.delivery.HttpClients;
import dev.spoke.delivery.StopSignal;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.report.RunLog;
import dev.spoke.state.ChangeSet;
import dev.spoke.state.ChangeSetSpec;
import dev.spoke.state.RunLocks;
import dev.spoke.state.WarehouseChangeSet;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The facade the CLI calls (STYLE.md 1): {@code load} a project, then {@code plan} or {@code sync} it. Holds the
 * run-wide services; builds, per run, the warehouse and state connections, one delivery layer and one HTTP client
 * per connection, and runs the selected exports one after another.
 */
public final class SyncEngine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DestinationRegistry registry;
    private final Clock clock;
    private final RunLog log;
    private final MeterRegistry meters;
    private final DeliveryListener listener;
    private final StopSignal stop;
    private final SyncObserver observer;
    private final Dns resolver;

    public SyncEngine(DestinationRegistry registry, Clock clock, RunLog log, MeterRegistry meters,
            DeliveryListener listener, StopSignal stop) {
        this(registry, clock, log, meters, listener, stop, SyncObserver.NONE);
    }

    /**
     * @param observer hears each export start and end (metrics from each export's result, progress lines)
     */
    public SyncEngine(DestinationRegistry registry, Clock clock, RunLog log, MeterRegistry meters,
            DeliveryListener listener, StopSignal stop, SyncObserver observer) {
        this(registry, clock, log, meters, listener, stop, observer, Dns.SYSTEM);
    }

    private SyncEngine(DestinationRegistry registry, Clock clock, RunLog log, MeterRegistry meters,
            DeliveryListener listener, StopSignal stop, SyncObserver observer, Dns resolver) {
        this.registry = requireNonNull(registry, "registry is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.log = requireNonNull(log, "log is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.stop = requireNonNull(stop, "stop is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.resolver = requireNonNull(resolver, "resolver is null");
    }

    /**
     * This engine with destinations' host names resolved by {@code resolver} instead of the system resolver (tests,
     * embedders with their own DNS). spoke.yml's network policy still applies to every address it returns.
     */
    public SyncEngine withResolver(Dns resolver) {
        return new SyncEngine(registry, clock, log, meters, listener, stop, observer, resolver);
    }

    /** Loads the project, with dbt's run results when the request names them or dbt left them in the target path. */
    public LoadedProject load(ProjectRequest request) {
        LoadedProject project = new ProjectLoader(registry).load(request);
        project.warnings().forEach(warning -> log.warn("project.warning", warning, Map.of()));
        return project;
    }

    /** Sends what changed for every selected export and reports on each. */
    public SyncReport sync(LoadedProject project, SyncOptions options) {
        requireProblemFree(project);
        FreshnessGate freshness = FreshnessGate.of(project, options.allowStale());
        String runId = options.runId().orElseGet(() -> UUID.randomUUID().toString());
        Instant started = clock.instant();
        RunLog runLog = log.with(Map.of("run_id", runId));
        List<ExportResult> results = new ArrayList<>();
        if (project.selected().isEmpty()) {
            runLog.warn("run.empty", "no export matched the selection; nothing to sync", Map.of());
            return new SyncReport(runId, project.manifest().metadata().invocationId(), started, Duration.ZERO,
                    List.of(), args(project, options), SyncReport.exitCodeOf(List.of()));
        }
        runLog.info("run.started", "syncing " + project.selected().size() + " export(s)", Map.of());
        try (RunResources resources = RunResources.open(project)) {
            resources.store().prepare();
            resources.store().pruneSyncLog(project.config().state().syncLogRetention());
            Optional<Instant> deadline = options.timeBudget().map(started::plus);
            DeliveryContext deliveryContext = new DeliveryContext(clock, dev.spoke.delivery.Sleeper.system(), stop,
                    deadline, listener, new java.util.Random());
            Map<String, Deliverer> deliverers = new HashMap<>();
            Map<String, DestinationContext> contexts = new HashMap<>();
            try (RunLocks locks = new RunLocks(resources.store(), runId,
                    warning -> runLog.warn("lock.recovered", warning, Map.of()))) {
                boolean countTotals = observer.wantsTotals()
                        && (resources.localState() || resources.warehouse().adapterType().equals("duckdb"));
                RunContext run = new RunContext(runId, resources.warehouse(), resources.store(), locks, options.shard(),
                        options.fullRefresh(), options.fetchSize(), stop, deadline, clock, runLog, observer,
                        countTotals);
                Function<ChangeSetSpec, ChangeSet> changeSets = changeSets(resources);
                for (Export export : project.selected()) {
                    if (stop.requested()) {
                        break;
                    }
                    ConnectionSpec connection = export.connection();
                    RunLog exportLog = runLog.with(Map.of("export", export.id(), "destination", connection.name()));
                    Optional<String> stale = freshness.staleReason(export);
                    ExportResult result;
                    if (stale.isPresent()) {
                        exportLog.warn("export.stale", stale.get(), Map.of());
                        result = FreshnessGate.skipped(export, stale.get());
                    } else {
                        Deliverer deliverer = deliverers.computeIfAbsent(connection.name(),
                                name -> new Deliverer(name, connection.delivery(), deliveryContext));
                        DestinationContext context = contexts.computeIfAbsent(connection.name(),
                                name -> destinationContext(HttpClients.forConnection("connection '" + name + "'",
                                        connection.delivery(), project.config().network(), resolver), project,
                                        runId, started));
                        exportLog.info("export.started", "sending " + export.model().displayName() + " to "
                                + connection.name() + " (" + export.mode().configName() + ")", Map.of());
                        result = new ExportSync(run.withLog(exportLog), export, deliverer, context, changeSets).run();
                    }
                    results.add(result);
                    observer.exportFinished(result);
                    if (stale.isEmpty()) {
                        exportLog.info("export.finished", result.status().jsonName() + ": " + result.message(),
                                Map.of());
                    }
                }
            } finally {
                contexts.values().forEach(context -> shutdown(context.http()));
            }
        }
        Duration elapsed = Duration.between(started, clock.instant());
        return new SyncReport(runId, project.manifest().metadata().invocationId(), started, elapsed, results,
                args(project, options), SyncReport.exitCodeOf(results));
    }

    /** What a sync would send, per export: counts and sample payloads. Sends nothing, changes no state. */
    public List<ExportPlan> plan(LoadedProject project, SyncOptions options) {
        requireProblemFree(project);
        List<ExportPlan> plans = new ArrayList<>();
        if (project.selected().isEmpty()) {
            return plans;
        }
        try (RunResources resources = RunResources.open(project)) {
            for (Export export : project.selected()) {
                plans.add(new ExportPlanner(resources, export, options).plan());
            }
        }
        return plans;
    }

    /** What the state store knows, per export: snapshot rows, last sync, rows in open jobs. */
    public List<Map<String, Object>> describeState(LoadedProject project) {
        try (RunResources resources = RunResources.open(project)) {
            return resources.store().describeExports();
        }
    }

    /**
     * Forgets what the destinations of the selected exports have, so the next sync sends every row again. Takes each
     * export's lock, so it never races a running sync.
     *
     * @return the export ids reset
     */
    public List<String> resetState(LoadedProject project) {
        requireProblemFree(project);
        List<String> reset = new ArrayList<>();
        try (RunResources resources = RunResources.open(project);
                RunLocks locks = new RunLocks(resources.store(), "reset-" + UUID.randomUUID(),
                        warning -> log.warn("lock.recovered", warning, Map.of()))) {
            for (Export export : project.selected()) {
                locks.acquire(export.id(), dev.spoke.state.Shard.ALL);
                try {
                    resources.store().resetExport(export.id());
                    reset.add(export.id());
                } finally {
                    locks.release(export.id(), dev.spoke.state.Shard.ALL);
                }
            }
        }
        return reset;
    }

    /**
     * Checks the selected exports against the warehouse: each model's relation exists and has the key and mapped
     * columns. Opens the warehouse read-only in spirit (no state is created); returns one problem per failure.
     */
    public List<Problem> checkWarehouse(LoadedProject project) {
        List<Problem> problems = new ArrayList<>();
        ProjectRequest request = project.request();
        ProfileTarget target = new ProfilesReader(request.environment(), Path.of(System.getProperty("user.home")))
                .read(project.dbtProject(), request.profilesDir(), request.profile(), request.target());
        try (Warehouse warehouse = WarehouseConnector.open(target, project.dbtProject().directory())) {
            for (Export export : project.selected()) {
                try {
                    ExportShape.resolve(export, warehouse, dev.spoke.state.Shard.ALL);
                } catch (SpokeException e) {
                    problems.add(new Problem("warehouse", export.model().displayName(),
                            export.model().propertiesFile(), "meta.destinations[" + export.entryIndex() + "]",
                            e.getMessage(), e.hint()));
                }
            }
        }
        return problems;
    }

    private Function<ChangeSetSpec, ChangeSet> changeSets(RunResources resources) {
        if (resources.localState()) {
            return spec -> new dev.spoke.state.LocalChangeSet(resources.warehouse(), resources.store(), spec);
        }
        return spec -> new WarehouseChangeSet(resources.warehouse(), resources.store().tables(), spec, true);
    }

    private DestinationContext destinationContext(OkHttpClient http, LoadedProject project, String runId,
            Instant started) {
        return new DestinationContext(http, clock, meters, JSON, project.dbtProject().directory(),
                SpokeVersion.userAgent(), runId, started);
    }

    private static void requireProblemFree(LoadedProject project) {
        if (!project.blockingProblems().isEmpty()) {
            throw new ProblemsException(project.blockingProblems());
        }
    }

    private static Map<String, Object> args(LoadedProject project, SyncOptions options) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("project_dir", project.dbtProject().directory().toString());
        args.put("select", project.request().select());
        args.put("exclude", project.request().exclude());
        args.put("full_refresh", options.fullRefresh());
        args.put("shard", options.shard().toString());
        options.timeBudget().ifPresent(budget -> args.put("time_budget_seconds", budget.toSeconds()));
        args.put("allow_stale", options.allowStale());
        project.runResults().ifPresent(file -> {
            args.put("run_results", file.path().toString());
            args.put("run_results_invocation_id", file.invocationId());
        });
        return args;
    }

    private static void shutdown(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
