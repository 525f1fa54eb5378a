package dev.spoke.delivery;

import java.time.Duration;

/** Counts what one {@code deliver} or {@code awaitJob} call costs. Confined to the calling thread. */
final class StatsCounter {
    private int requests;
    private int retries;
    private int bisections;
    private Duration waited = Duration.ZERO;

    void requestSent() {
        requests++;
    }

    void retrySent() {
        retries++;
    }

    void bisected() {
        bisections++;
    }

    void waited(Duration duration) {
        waited = waited.plus(duration);
    }

    DeliveryStats snapshot() {
        return new DeliveryStats(requests, retries, bisections, waited);
    }
}
