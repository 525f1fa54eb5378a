package dev.spoke.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The client-side rate limit of one connection: request starts at least {@code interval} apart, where the interval is
 * the larger of {@code 1 / requests_per_second} and {@code window / requests_per_window}. Even spacing keeps every
 * rolling window within its limit (HubSpot's is a rolling 10 s), which a limiter that refills N permits at fixed
 * cycle boundaries does not: Resilience4j's {@code RateLimiter} lets N requests end one cycle and N more start the
 * next, up to 2N in one window. Slots are reserved under a lock, then waited for outside it, on the injected clock.
 *
 * <p>It also holds the connection's pause: a Retry-After asks the client, not one request, to wait (RFC 6585: "how
 * long to wait before making a new request"), so after a throttled answer no request to the connection starts before
 * the time the destination named, whichever batch it belongs to.
 */
final class RequestSpacer {
    private final Duration interval;
    private Instant nextFree;
    private Instant pausedUntil;

    RequestSpacer(Duration interval) {
        this.interval = interval;
    }

    static RequestSpacer of(DeliverySettings settings) {
        Duration interval = Duration.ZERO;
        if (settings.requestsPerSecond().isPresent()) {
            interval = max(interval, Duration.ofNanos((long) Math.ceil(1e9 / settings.requestsPerSecond().getAsDouble())));
        }
        if (settings.requestsPerWindow().isPresent()) {
            long requests = settings.requestsPerWindow().getAsLong();
            // rounded up: 10 s / 3 truncated would let the 4th request start 1 ns inside the window
            interval = max(interval, Duration.ofNanos((settings.window().toNanos() + requests - 1) / requests));
        }
        return new RequestSpacer(interval);
    }

    Duration interval() {
        return interval;
    }

    /**
     * Reserves the earliest start at or after {@code now}.
     *
     * @return the reserved start, or empty (nothing reserved) when it would be after {@code latestStart}
     */
    synchronized Optional<Instant> reserve(Instant now, Instant latestStart) {
        Instant start = later(now, pausedUntil);
        if (!interval.isZero()) {
            start = later(start, nextFree);
        }
        if (start.isAfter(latestStart)) {
            return Optional.empty();
        }
        if (!interval.isZero()) {
            nextFree = start.plus(interval);
        }
        return Optional.of(start);
    }

    /** No request starts before {@code until} (a pause already longer stays as it is). */
    synchronized void pauseUntil(Instant until) {
        pausedUntil = later(until, pausedUntil);
    }

    /** Whether a pause (which may have begun after a slot was reserved) still holds at {@code now}. */
    synchronized boolean pausedAt(Instant now) {
        return pausedUntil != null && pausedUntil.isAfter(now);
    }

    /** How much longer the pause holds after {@code now}, or zero. */
    synchronized Duration pauseLeft(Instant now) {
        return pausedAt(now) ? Duration.between(now, pausedUntil) : Duration.ZERO;
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
