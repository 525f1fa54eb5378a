package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.DestinationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The waiting one request (a batch, or a job's status) does while its destination throttles it. Throttling is not
 * failure: it spends no attempt of {@code delivery.max_attempts}. The request waits what the destination asked for
 * ({@code Retry-After}, {@code X-RateLimit-Reset}, a vendor signal), or the jittered backoff when it named no wait,
 * and is sent again, for as long as the run waits:
 * <ul>
 *   <li>no single wait beyond the run's time budget or {@link RunBudget#LONGEST_WAIT};</li>
 *   <li>no more than {@link RunBudget#LONGEST_WAIT} of throttled waiting for one request in all: a destination that
 *       still throttles after that has spent its quota for now, so the whole connection takes no more requests in
 *       this run ({@link RequestGate#throttleOut}).</li>
 * </ul>
 * Past either limit the request's rows are deferred ({@link Deferral.Cause#THROTTLED}). One instance per request,
 * confined to the calling thread.
 */
final class ThrottleWait {
    private final ConnectionServices services;
    private final StatsCounter stats;
    private final String exportId;
    private Duration waited = Duration.ZERO;
    private int throttles;

    ThrottleWait(ConnectionServices services, StatsCounter stats, String exportId) {
        this.services = requireNonNull(services, "services is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.exportId = requireNonNull(exportId, "exportId is null");
    }

    /**
     * Waits after the destination throttled the request with {@code throttle}.
     *
     * @return the deferral of the request's rows when the run will not wait (or was stopped while waiting), or empty
     *     to send the request again
     */
    Optional<Deferral> next(DestinationException throttle) {
        throttles++;
        Duration wait = throttle.retryAfter().orElseGet(() -> services.backoff().jittered(throttles));
        if (!services.budget().allows(wait)) {
            return Optional.of(Deferral.throttled(Reasons.waitBeyondBudget(wait)));
        }
        if (waited.plus(wait).compareTo(RunBudget.LONGEST_WAIT) > 0) {
            String reason = Reasons.throttledTooLong(services.connection(), throttle.getMessage());
            services.gate().throttleOut(reason);
            return Optional.of(Deferral.throttled(reason));
        }
        services.listener().throttled(services.connection(), exportId, wait, throttle.getMessage());
        Instant before = services.budget().now();
        Optional<Deferral> refusal = services.budget().sleep(wait);
        Duration slept = Duration.between(before, services.budget().now());
        waited = waited.plus(slept);
        stats.waited(slept);
        return refusal;
    }
}
