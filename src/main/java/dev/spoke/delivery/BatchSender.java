package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.DestinationException;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.PendingJob;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers one batch to one destination, whatever it takes: retries with backoff, re-sends of the rows refused as
 * retryable, bisection of a batch refused whole, and a rejection with a reason for every row that could not be
 * confirmed. One instance per {@link Deliverer#deliver} call, confined to the calling thread.
 */
final class BatchSender {
    private final ConnectionServices services;
    private final DestinationState target;
    private final String exportId;
    private final Map<RowKey, RowOutcome> outcomes = new HashMap<>();
    private final List<PendingJob> jobs = new ArrayList<>();
    private final Set<RowKey> rowsInJobs = new HashSet<>();
    private final StatsCounter stats = new StatsCounter();

    BatchSender(ConnectionServices services, DestinationState target, String exportId) {
        this.services = requireNonNull(services, "services is null");
        this.target = requireNonNull(target, "target is null");
        this.exportId = requireNonNull(exportId, "exportId is null");
    }

    DeliveryOutcome deliver(RowBatch batch) {
        send(batch);
        Map<RowKey, RowOutcome> ordered = new LinkedHashMap<>();
        for (RowKey key : batch.keys()) {
            if (!rowsInJobs.contains(key)) {
                RowOutcome outcome = outcomes.get(key);
                if (outcome == null) {
                    throw new IllegalStateException("no outcome was recorded for row " + key);
                }
                ordered.put(key, outcome);
            }
        }
        return new DeliveryOutcome(ordered, jobs, stats.snapshot());
    }

    /**
     * Sends {@code batch} until every row has an outcome or is in a job: the whole batch again after a retryable
     * failure, the rows refused as retryable after a partial answer, each half after a refusal of the whole batch.
     */
    private void send(RowBatch batch) {
        RowBatch pending = batch;
        Map<RowKey, String> lastErrors = Map.of();
        for (int attempt = 1; ; attempt++) {
            RowBatch sending = pending;
            Attempt<WriteResult> result = services.gate().send(target, stats, this::reportRequest,
                    () -> target.destination().write(sending));
            int attemptsMade = attempt;
            if (attempt > 1 && !(result instanceof Attempt.NotStarted)) {
                stats.retrySent();
            }
            Map<RowKey, String> toRetry;
            String retryReason;
            Optional<Duration> askedWait = Optional.empty();
            if (result instanceof Attempt.NotStarted<WriteResult> notStarted) {
                giveUp(sending, notStarted.reason(), lastErrors);
                return;
            } else if (result instanceof Attempt.Failed<WriteResult> failed) {
                DestinationException failure = failed.failure();
                switch (failure.kind()) {
                    case BATCH_REJECTED -> {
                        bisect(sending, failure);
                        return;
                    }
                    case FATAL -> {
                        stopDestination(failure);
                        giveUp(sending, Reasons.notSent(failure.getMessage()), Map.of());
                        return;
                    }
                    case RETRYABLE -> {
                        if (attempt >= services.settings().maxAttempts()
                                && RequestOutcome.of(failure) == RequestOutcome.THROTTLED) {
                            services.gate().throttledToTheEnd(failure);
                        }
                    }
                }
                toRetry = sameReasonForAll(sending, failure.getMessage());
                retryReason = failure.getMessage();
                askedWait = failure.retryAfter();
            } else {
                toRetry = record(sending, ((Attempt.Answered<WriteResult>) result).value());
                if (toRetry.isEmpty()) {
                    return;
                }
                retryReason = summary(toRetry);
            }
            if (attempt >= services.settings().maxAttempts()) {
                toRetry.forEach((key, reason) -> outcomes.put(key, RowOutcome.retryable(Reasons.gaveUp(reason, attemptsMade))));
                return;
            }
            Optional<String> refusal = waitBeforeRetry(attempt, askedWait, retryReason);
            if (refusal.isPresent()) {
                giveUp(rowsOf(sending, toRetry.keySet()), refusal.get(), toRetry);
                return;
            }
            pending = rowsOf(sending, toRetry.keySet());
            lastErrors = toRetry;
        }
    }

    /** Records the final outcomes of an answer; returns the rows to send again, with the destination's reason. */
    private Map<RowKey, String> record(RowBatch sent, WriteResult result) {
        Set<RowKey> inJob = new HashSet<>();
        result.job().ifPresent(job -> {
            jobs.add(job);
            inJob.addAll(job.keys());
        });
        Map<RowKey, String> toRetry = new LinkedHashMap<>();
        for (OutgoingRow row : sent.rows()) {
            RowKey key = row.key();
            RowOutcome outcome = result.outcomes().get(key);
            if (inJob.contains(key)) {
                rowsInJobs.add(key);
            } else if (outcome == null) {
                toRetry.put(key, Reasons.NOT_REPORTED);
            } else if (outcome instanceof RowOutcome.Rejected rejected && rejected.retryable()) {
                toRetry.put(key, rejected.reason());
            } else {
                outcomes.put(key, outcome);
            }
        }
        return toRetry;
    }

    private void bisect(RowBatch refused, DestinationException failure) {
        if (refused.size() == 1) {
            outcomes.put(refused.rows().get(0).key(), RowOutcome.rejected(failure.getMessage()));
            return;
        }
        stats.bisected();
        services.listener().batchBisected(services.connection(), exportId, refused.size(), failure.getMessage());
        int middle = refused.size() / 2;
        send(refused.slice(0, middle));
        send(refused.slice(middle, refused.size()));
    }

    private Optional<String> waitBeforeRetry(int attempt, Optional<Duration> askedWait, String reason) {
        if (askedWait.isPresent() && !services.budget().allows(askedWait.get())) {
            return Optional.of(Reasons.waitBeyondBudget(askedWait.get()));
        }
        Duration backoff = services.backoff().jittered(attempt);
        Duration delay = askedWait.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
        if (services.budget().allows(delay)) {
            services.listener().retryScheduled(services.connection(), exportId, attempt, delay, reason);
        }
        Instant before = services.budget().now();
        Optional<String> refusal = services.budget().sleep(delay);
        stats.waited(Duration.between(before, services.budget().now()));
        return refusal;
    }

    private void stopDestination(DestinationException failure) {
        if (target.stop(failure.getMessage())) {
            services.listener().destinationStopped(services.connection(), exportId, failure.getMessage());
        }
    }

    /** Every row of {@code rows} is rejected as retryable with {@code refusal}, plus its last error if it had one. */
    private void giveUp(RowBatch rows, String refusal, Map<RowKey, String> lastErrors) {
        for (OutgoingRow row : rows.rows()) {
            String lastError = lastErrors.get(row.key());
            outcomes.put(row.key(), RowOutcome.retryable(lastError == null ? refusal : Reasons.withLastError(refusal, lastError)));
        }
    }

    private void reportRequest(RequestOutcome outcome, int httpStatus, Duration latency) {
        services.listener().requestCompleted(services.connection(), exportId, outcome, httpStatus, latency);
    }

    private static Map<RowKey, String> sameReasonForAll(RowBatch batch, String reason) {
        Map<RowKey, String> reasons = new LinkedHashMap<>();
        batch.keys().forEach(key -> reasons.put(key, reason));
        return reasons;
    }

    private static RowBatch rowsOf(RowBatch batch, Set<RowKey> keys) {
        return new RowBatch(batch.export(), batch.rows().stream().filter(row -> keys.contains(row.key())).toList());
    }

    private static String summary(Map<RowKey, String> toRetry) {
        Map.Entry<RowKey, String> first = toRetry.entrySet().iterator().next();
        String rows = toRetry.size() == 1 ? "row " + first.getKey() : toRetry.size() + " rows, e.g. " + first.getKey();
        return "refused as retryable (" + rows + "): " + first.getValue();
    }
}
