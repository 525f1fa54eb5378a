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
 * Delivers one batch to one destination, whatever it takes: waits out throttling, retries failures with backoff,
 * re-sends the rows refused as retryable, bisects a batch refused whole, cuts the batch to the size the destination
 * took after a 413, and gives every row an outcome or a deferral. One instance per {@link Deliverer#deliver} call,
 * confined to the calling thread.
 */
final class BatchSender {
    private final ConnectionServices services;
    private final DestinationState target;
    private final String exportId;
    private final Map<RowKey, RowOutcome> outcomes = new HashMap<>();
    private final Map<RowKey, Deferral> deferred = new HashMap<>();
    private final List<PendingJob> jobs = new ArrayList<>();
    private final Set<RowKey> rowsInJobs = new HashSet<>();
    private final StatsCounter stats = new StatsCounter();

    BatchSender(ConnectionServices services, DestinationState target, String exportId) {
        this.services = requireNonNull(services, "services is null");
        this.target = requireNonNull(target, "target is null");
        this.exportId = requireNonNull(exportId, "exportId is null");
    }

    DeliveryOutcome deliver(RowBatch batch) {
        sendWithinSizeLimit(batch);
        Map<RowKey, RowOutcome> answered = new LinkedHashMap<>();
        Map<RowKey, Deferral> left = new LinkedHashMap<>();
        for (RowKey key : batch.keys()) {
            if (rowsInJobs.contains(key)) {
                continue;
            }
            RowOutcome outcome = outcomes.get(key);
            Deferral deferral = deferred.get(key);
            if (outcome != null) {
                answered.put(key, outcome);
            } else if (deferral != null) {
                left.put(key, deferral);
            } else {
                throw new IllegalStateException("no outcome was recorded for row " + key);
            }
        }
        return new DeliveryOutcome(answered, left, jobs, stats.snapshot());
    }

    /** Sends {@code batch} in pieces no larger than the destination took after refusing a larger one (413). */
    private void sendWithinSizeLimit(RowBatch batch) {
        int limit = target.sizeLimit();
        for (int from = 0; from < batch.size(); from += limit) {
            send(limit >= batch.size() ? batch : batch.slice(from, Math.min(batch.size(), from + limit)));
        }
    }

    /**
     * Sends {@code batch} until every row has an outcome, a deferral or a job: the whole batch again after throttling
     * or a retryable failure, the rows refused as retryable after a partial answer, each half after a refusal of the
     * whole batch. Throttled requests spend no attempt; failures and retryable refusals do.
     */
    private void send(RowBatch batch) {
        RowBatch pending = batch;
        Map<RowKey, String> lastErrors = Map.of();
        ThrottleWait throttling = new ThrottleWait(services, stats, exportId);
        boolean firstRequest = true;
        for (int attempt = 1; ; ) {
            RowBatch sending = pending;
            Attempt<WriteResult> result = services.gate().send(target, stats, this::reportRequest,
                    () -> target.destination().write(sending));
            if (result instanceof Attempt.NotStarted<WriteResult> notStarted) {
                defer(sending, notStarted.deferral(), lastErrors);
                return;
            }
            if (!firstRequest) {
                stats.retrySent();
            }
            firstRequest = false;
            Map<RowKey, String> toRetry;
            String retryReason;
            Optional<Duration> askedWait = Optional.empty();
            if (result instanceof Attempt.Failed<WriteResult> failed) {
                DestinationException failure = failed.failure();
                switch (failure.kind()) {
                    case THROTTLED -> {
                        Optional<Deferral> outlasted = throttling.next(failure);
                        if (outlasted.isPresent()) {
                            defer(sending, outlasted.get(), Map.of());
                            return;
                        }
                        continue;
                    }
                    case BATCH_REJECTED -> {
                        bisect(sending, failure);
                        return;
                    }
                    case FATAL -> {
                        stopDestination(failure);
                        defer(sending, Deferral.destinationFailed(Reasons.notSent(failure.getMessage())), Map.of());
                        return;
                    }
                    case RETRYABLE -> {
                        // a failure: spends an attempt, below
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
                giveUp(sending, toRetry, attempt, result instanceof Attempt.Failed);
                return;
            }
            Optional<Deferral> refusal = waitBeforeRetry(attempt, askedWait, retryReason);
            if (refusal.isPresent()) {
                defer(rowsOf(sending, toRetry.keySet()), refusal.get(), toRetry);
                return;
            }
            pending = rowsOf(sending, toRetry.keySet());
            lastErrors = toRetry;
            attempt++;
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

    /**
     * Every attempt was spent. Rows the destination refused as retryable on the last attempt are rejected: that is
     * its own answer about them. Rows of a failed request, and rows it never reported on, are deferred: the
     * destination failed, it did not refuse them.
     */
    private void giveUp(RowBatch sent, Map<RowKey, String> toRetry, int attempts, boolean requestFailed) {
        for (Map.Entry<RowKey, String> row : toRetry.entrySet()) {
            String reason = Reasons.gaveUp(row.getValue(), attempts);
            if (requestFailed || row.getValue().equals(Reasons.NOT_REPORTED)) {
                deferred.put(row.getKey(), Deferral.destinationFailed(Reasons.deferredAfterFailures(reason)));
            } else {
                outcomes.put(row.getKey(), RowOutcome.retryable(reason));
            }
        }
    }

    private void bisect(RowBatch refused, DestinationException failure) {
        if (failure.httpStatus() == 413) {
            target.lowerSizeLimit(refused.size()).ifPresent(limit -> services.listener()
                    .batchSizeLowered(services.connection(), exportId, limit, failure.getMessage()));
        }
        if (refused.size() == 1) {
            outcomes.put(refused.rows().get(0).key(), RowOutcome.rejected(failure.getMessage()));
            return;
        }
        stats.bisected();
        services.listener().batchBisected(services.connection(), exportId, refused.size(), failure.getMessage());
        int middle = refused.size() / 2;
        sendWithinSizeLimit(refused.slice(0, middle));
        sendWithinSizeLimit(refused.slice(middle, refused.size()));
    }

    private Optional<Deferral> waitBeforeRetry(int attempt, Optional<Duration> askedWait, String reason) {
        if (askedWait.isPresent() && !services.budget().allows(askedWait.get())) {
            return Optional.of(Deferral.destinationFailed(Reasons.waitBeyondBudget(askedWait.get())));
        }
        Duration backoff = services.backoff().jittered(attempt);
        Duration delay = askedWait.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
        if (services.budget().allows(delay)) {
            services.listener().retryScheduled(services.connection(), exportId, attempt, delay, reason);
        }
        Instant before = services.budget().now();
        Optional<Deferral> refusal = services.budget().sleep(delay);
        stats.waited(Duration.between(before, services.budget().now()));
        return refusal;
    }

    private void stopDestination(DestinationException failure) {
        if (target.stop(failure.getMessage())) {
            services.listener().destinationStopped(services.connection(), exportId, failure.getMessage());
        }
    }

    /** Every row of {@code rows} is deferred, its last error (if it had one) added to the reason. */
    private void defer(RowBatch rows, Deferral deferral, Map<RowKey, String> lastErrors) {
        for (OutgoingRow row : rows.rows()) {
            deferred.put(row.key(), deferral.withLastError(lastErrors.get(row.key())));
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
