package dev.spoke.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event as a line, for assertions. Thread-safe. */
final class RecordingListener implements DeliveryListener {
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> polls = new CopyOnWriteArrayList<>();
    final List<Duration> retryDelays = new CopyOnWriteArrayList<>();
    final List<String> retryReasons = new CopyOnWriteArrayList<>();
    final List<Duration> rateLimitWaits = new CopyOnWriteArrayList<>();
    final List<Integer> bisectedSizes = new CopyOnWriteArrayList<>();
    final List<String> circuitsOpened = new CopyOnWriteArrayList<>();
    final List<String> destinationsStopped = new CopyOnWriteArrayList<>();
    final List<Duration> throttleWaits = new CopyOnWriteArrayList<>();
    final List<String> throttleAnswers = new CopyOnWriteArrayList<>();
    final List<Integer> loweredSizes = new CopyOnWriteArrayList<>();
    final List<String> throttledOut = new CopyOnWriteArrayList<>();

    @Override
    public void requestCompleted(String connection, String exportId, RequestOutcome outcome, int httpStatus, Duration latency) {
        requests.add(connection + " " + exportId + " " + outcome + " " + httpStatus);
    }

    @Override
    public void jobPolled(String connection, String jobId, RequestOutcome outcome, int httpStatus, Duration latency) {
        polls.add(connection + " " + jobId + " " + outcome + " " + httpStatus);
    }

    @Override
    public void retryScheduled(String connection, String exportId, int attempt, Duration delay, String reason) {
        retryDelays.add(delay);
        retryReasons.add(reason);
    }

    @Override
    public void throttled(String connection, String exportId, Duration wait, String answer) {
        throttleWaits.add(wait);
        throttleAnswers.add(answer);
    }

    @Override
    public void batchSizeLowered(String connection, String exportId, int rows, String reason) {
        loweredSizes.add(rows);
    }

    @Override
    public void connectionThrottledOut(String connection, String reason) {
        throttledOut.add(connection + " " + reason);
    }

    @Override
    public void rateLimitWaited(String connection, String exportId, Duration waited) {
        rateLimitWaits.add(waited);
    }

    @Override
    public void batchBisected(String connection, String exportId, int rows, String reason) {
        bisectedSizes.add(rows);
    }

    @Override
    public void circuitOpened(String connection, int consecutiveFailures, String lastFailure) {
        circuitsOpened.add(connection + " " + consecutiveFailures + " " + lastFailure);
    }

    @Override
    public void destinationStopped(String connection, String exportId, String reason) {
        destinationsStopped.add(connection + " " + exportId + " " + reason);
    }
}
