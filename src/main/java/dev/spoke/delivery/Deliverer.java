package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.Destination;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowBatch;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery layer around every destination of one connection, for one run. Several exports may share a
 * connection, and with it one {@code Deliverer}: its rate limit, concurrency limit and circuit breaker. Thread-safe:
 * the engine may call {@link #deliver} and {@link #awaitJob} from several threads at once.
 *
 * <h2>The policy</h2>
 * Every row handed over ends in one of three places ({@link DeliveryOutcome}): the destination's answer (delivered,
 * or <em>rejected</em>: the destination refused it), a job still running, or <em>deferred</em> ({@link Deferral}):
 * not confirmed in this run although the destination never refused it. Nothing else is a rejection.
 * <ul>
 *   <li><b>Throttling is not failure</b> ({@code DestinationException.Kind.THROTTLED}: 429, a 503 naming a wait, a
 *       vendor's throttle signal). The whole connection pauses for the wait the destination asked for
 *       ({@code Retry-After}, {@code X-RateLimit-Reset}), or the request waits the jittered backoff when it named none;
 *       then the same batch is sent again, without spending an attempt of {@code delivery.max_attempts}. When the
 *       wait would outlast the run's time budget or {@link RunBudget#LONGEST_WAIT}, or one request has been throttled
 *       for {@code LONGEST_WAIT} in all (the connection then takes no more requests in this run), its rows are
 *       deferred ({@link Deferral.Cause#THROTTLED}: the export ends {@code warn}).</li>
 *   <li><b>Failures</b> ({@code RETRYABLE}: 5xx, 408, timeouts, resets) are retried: up to
 *       {@code delivery.max_attempts} requests in all, waiting a random time between zero and
 *       {@code initial_backoff * 2^(attempt-1)}, capped at {@code max_backoff} (exponential backoff, full jitter), or
 *       the wait the destination named when longer. After the last attempt the rows are deferred
 *       ({@link Deferral.Cause#DESTINATION_FAILED}: the export ends {@code error}, exit 1, however few its
 *       batches).</li>
 *   <li><b>Rows refused as retryable</b> inside an answer ({@code RowOutcome.retryable}) are sent again as a smaller
 *       batch with the same backoff, within the same {@code max_attempts}; then rejected as retryable with the
 *       destination's last reason. Rows the destination did not report on are sent again the same way, then
 *       deferred.</li>
 *   <li><b>A batch refused whole</b> ({@code BATCH_REJECTED}: 400, 413, 422 naming bad content) is split in halves,
 *       each delivered on its own (recursively), down to single rows: a single row refused is rejected with the
 *       destination's reason (not retryable), every other row is delivered. k bad rows among n cost about
 *       {@code 2k * log2(n)} requests. A 413 (too large) also lowers the batch size to half the refused one for every
 *       later batch to that destination in the run, so the next batches are not refused and bisected again.</li>
 *   <li><b>A fatal failure</b> ({@code FATAL}: 401, 403, 404, 410, a redirect) stops that destination (that export)
 *       for the rest of the run: its rows, and those of every later batch to it, are deferred
 *       ({@code DESTINATION_FAILED}) without a request. Other exports of the connection go on: a 404 for one export's
 *       list says nothing about another's, and a real credentials problem costs each export one request.</li>
 *   <li><b>Circuit breaker</b>: after {@code delivery.circuit_breaker_failures} consecutive failed requests to the
 *       connection (5xx, timeouts and resets count per request; throttling never counts; any answer, a refusal
 *       included, ends the streak), the connection counts as down: no more requests in this run, and every row
 *       handed over is deferred ("not sent: destination X looks down (N consecutive failures ...); rows left for the
 *       next run"); the engine stops reading the change set (see {@link #stopped}). <b>It never half-opens within a
 *       run.</b> Retries with backoff already ride out short outages; once a connection has failed N times in a row,
 *       the run has nothing to wait for; and rows not sent are not lost: the next run (the orchestrator's schedule or
 *       retry) is the probe.</li>
 *   <li><b>Client-side limits</b> ({@code rate_limit:}): every request (retries, bisection halves and job polls
 *       included) takes a permit of the connection's {@code concurrency} limit, shared by all its exports, and of the
 *       destination's own {@link Destination#maxConcurrency()}, then starts no sooner than
 *       {@code 1 / requests_per_second} and {@code window / requests_per_window} after the previous request.</li>
 *   <li><b>Time budget</b> ({@link DeliveryContext#deadline()}): no request starts after it, and no wait that would
 *       end after it begins; rows left are deferred ({@link Deferral.Cause#TIME_BUDGET}: {@code warn}).</li>
 *   <li><b>Stop</b> ({@link StopSignal}): once set, no batch, retry or poll starts and waits end at once; requests in
 *       flight finish and their answers are reported. Rows left are deferred ({@link Deferral.Cause#STOPPED}).</li>
 *   <li><b>Asynchronous jobs</b>: a write may answer with a {@link PendingJob}; its rows are listed in the job, not in
 *       the outcomes. {@link #awaitJob} polls it (see {@link JobPoller}) and hands back its per-row outcomes, or
 *       "still open" so the engine keeps the job id for the next run.</li>
 * </ul>
 *
 * <h2>Why not all of Resilience4j</h2>
 * The concurrency limits are Resilience4j bulkheads. Retry, rate limiting and circuit breaking are small classes of
 * our own, because each needs something Resilience4j does not offer: retries that re-send only the rows refused,
 * weigh a Retry-After against the run's deadline and wait on an injected, stoppable sleeper (Resilience4j's
 * {@code Retry} sleeps through one static, process-wide function); a rate limit that holds for rolling windows
 * ({@link RequestSpacer}); a breaker defined by consecutive failures that stays open for the run
 * ({@link ConnectionCircuit}).
 *
 * <p>{@code deliver} and {@code awaitJob} never throw for a destination's failure; a destination that throws an
 * unchecked exception (a bug) propagates it.
 */
public final class Deliverer {
    private final ConnectionServices services;
    private final Map<Destination, DestinationState> destinations = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * @param connectionName the connection's name in spoke.yml, for messages and the listener
     * @param settings the connection's {@code delivery:} and {@code rate_limit:}
     * @param context the run's clock, sleeper, stop signal, time budget and listener
     */
    public Deliverer(String connectionName, DeliverySettings settings, DeliveryContext context) {
        requireNonNull(connectionName, "connectionName is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        RunBudget budget = new RunBudget(context.clock(), context.sleeper(), context.stopSignal(), context.deadline());
        ConnectionCircuit circuit = new ConnectionCircuit(connectionName, settings.circuitBreakerFailures());
        this.services = new ConnectionServices(
                connectionName,
                settings,
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), context.random()),
                budget,
                new RequestGate(connectionName, settings, budget, circuit, context.listener()),
                context.listener());
    }

    /**
     * Delivers one batch: retries, re-sends, bisection, limits, as the class documentation says.
     *
     * @return an outcome for every row of the batch not covered by a job still running, and those jobs
     */
    public DeliveryOutcome deliver(Destination destination, RowBatch batch) {
        requireNonNull(batch, "batch is null");
        DestinationState target = stateOf(destination);
        target.servesExport(batch.export().exportId());
        return new BatchSender(services, target, batch.export().exportId()).deliver(batch);
    }

    /**
     * Polls a job until it ends, the time budget runs out or the stop signal is set.
     *
     * @return {@link JobResult.Finished} with an outcome for every key of the job, or {@link JobResult.StillOpen}
     */
    public JobResult awaitJob(Destination destination, PendingJob job) {
        requireNonNull(job, "job is null");
        return new JobPoller(services, stateOf(destination), job).await();
    }

    /**
     * True when nothing more will be sent to {@code destination} in this run: it failed fatally, the circuit is open,
     * or the connection throttled one request for longer than a run waits.
     */
    public boolean stopped(Destination destination) {
        return stopReason(destination).isPresent() || throttledOutReason().isPresent();
    }

    /** Why nothing more will be sent to {@code destination} in this run (its fatal failure, or the open circuit). */
    public Optional<String> stopReason(Destination destination) {
        DestinationState state = stateOf(destination);
        return state.stopReason().or(this::circuitOpenReason);
    }

    /** Why the connection counts as down for the rest of the run, if it does. */
    public Optional<String> circuitOpenReason() {
        return services.gate().circuitOpenReason();
    }

    /**
     * Why the connection takes no more requests in this run although it is up (it throttled one request for longer
     * than a run waits), if it does.
     */
    public Optional<String> throttledOutReason() {
        return services.gate().throttledOutReason();
    }

    public String connectionName() {
        return services.connection();
    }

    public DeliverySettings settings() {
        return services.settings();
    }

    private DestinationState stateOf(Destination destination) {
        requireNonNull(destination, "destination is null");
        return destinations.computeIfAbsent(destination,
                created -> new DestinationState(created, RequestGate.PERMIT_WAIT_SLICE));
    }
}
