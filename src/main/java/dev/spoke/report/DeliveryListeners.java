package dev.spoke.report;

import dev.spoke.delivery.DeliveryListener;
import dev.spoke.delivery.RequestOutcome;
import java.time.Duration;
import java.util.List;

/** Several {@link DeliveryListener}s heard as one (metrics and the log), in order. */
public final class DeliveryListeners implements DeliveryListener {
    private final List<DeliveryListener> listeners;

    private DeliveryListeners(List<DeliveryListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static DeliveryListener of(DeliveryListener... listeners) {
        return new DeliveryListeners(List.of(listeners));
    }

    @Override
    public void requestCompleted(
            String connection, String exportId, RequestOutcome outcome, int httpStatus, Duration latency) {
        listeners.forEach(l -> l.requestCompleted(connection, exportId, outcome, httpStatus, latency));
    }

    @Override
    public void jobPolled(String connection, String jobId, RequestOutcome outcome, int httpStatus, Duration latency) {
        listeners.forEach(l -> l.jobPolled(connection, jobId, outcome, httpStatus, latency));
    }

    @Override
    public void retryScheduled(String connection, String exportId, int attempt, Duration delay, String reason) {
        listeners.forEach(l -> l.retryScheduled(connection, exportId, attempt, delay, reason));
    }

    @Override
    public void rateLimitWaited(String connection, String exportId, Duration waited) {
        listeners.forEach(l -> l.rateLimitWaited(connection, exportId, waited));
    }

    @Override
    public void throttled(String connection, String exportId, Duration wait, String answer) {
        listeners.forEach(l -> l.throttled(connection, exportId, wait, answer));
    }

    @Override
    public void batchBisected(String connection, String exportId, int rows, String reason) {
        listeners.forEach(l -> l.batchBisected(connection, exportId, rows, reason));
    }

    @Override
    public void batchSizeLowered(String connection, String exportId, int rows, String reason) {
        listeners.forEach(l -> l.batchSizeLowered(connection, exportId, rows, reason));
    }

    @Override
    public void connectionThrottledOut(String connection, String reason) {
        listeners.forEach(l -> l.connectionThrottledOut(connection, reason));
    }

    @Override
    public void circuitOpened(String connection, int consecutiveFailures, String lastFailure) {
        listeners.forEach(l -> l.circuitOpened(connection, consecutiveFailures, lastFailure));
    }

    @Override
    public void destinationStopped(String connection, String exportId, String reason) {
        listeners.forEach(l -> l.destinationStopped(connection, exportId, reason));
    }
}
