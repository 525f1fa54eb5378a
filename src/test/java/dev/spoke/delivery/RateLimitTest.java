package dev.spoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private final Harness harness = new Harness();

    @Test
    void requestsPerSecondSpacesRequestStarts() {
        FakeDestination destination = FakeDestination.acceptingAll(harness.clock);
        Deliverer deliverer = harness.deliverer(
                Harness.rateLimited(OptionalDouble.of(5), OptionalLong.empty(), Duration.ofSeconds(1), 4));

        for (RowKey key : Rows.keys("c", 10)) {
            deliverer.deliver(destination, Rows.batch(List.of(key)));
        }

        assertSpacing(destination.writeStarts(), Duration.ofMillis(200));
        assertThat(harness.clock.elapsed()).isEqualTo(Duration.ofMillis(1800));
        assertThat(harness.listener.rateLimitWaits.stream().reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void requestsPerWindowHoldsInEveryRollingWindow() {
        FakeDestination destination = FakeDestination.acceptingAll(harness.clock);
        Deliverer deliverer = harness.deliverer(
                Harness.rateLimited(OptionalDouble.empty(), OptionalLong.of(3), Duration.ofSeconds(10), 4));

        for (RowKey key : Rows.keys("c", 7)) {
            harness.clock.advance(Duration.ofMillis(500));
            deliverer.deliver(destination, Rows.batch(List.of(key)));
        }

        List<Instant> starts = destination.writeStarts();
        for (int i = 0; i + 3 < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i), starts.get(i + 3))).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void idleTimeNeedsNoWait() {
        FakeDestination destination = FakeDestination.acceptingAll(harness.clock);
        Deliverer deliverer = harness.deliverer(
                Harness.rateLimited(OptionalDouble.of(2), OptionalLong.empty(), Duration.ofSeconds(1), 4));

        for (RowKey key : Rows.keys("c", 3)) {
            deliverer.deliver(destination, Rows.batch(List.of(key)));
            harness.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(harness.listener.rateLimitWaits).isEmpty();
    }

    @Test
    void retriesAndBisectionRequestsAreRateLimitedToo() {
        List<RowKey> keys = Rows.keys("c", 16);
        Set<RowKey> poison = Set.of(keys.get(3));
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (call == 1) {
                throw Failures.unavailable(harness.clock);
            }
            if (batch.keys().stream().anyMatch(poison::contains)) {
                throw Failures.http(422, "bad row", harness.clock);
            }
            return WriteResult.allDelivered(batch);
        });
        Deliverer deliverer = harness.deliverer(
                Harness.rateLimited(OptionalDouble.of(1), OptionalLong.empty(), Duration.ofSeconds(1), 4));
        RowBatch batch = Rows.batch(keys);

        DeliveryOutcome outcome = deliverer.deliver(destination, batch);

        Harness.assertEveryRowAccountedFor(batch, outcome);
        assertThat(outcome.outcomes().get(keys.get(3))).isEqualTo(RowOutcome.rejected("HTTP 422: bad row"));
        assertThat(destination.writeCount()).isGreaterThan(5);
        assertSpacing(destination.writeStarts(), Duration.ofSeconds(1));
    }

    private static void assertSpacing(List<Instant> starts, Duration interval) {
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("gap before request %d", i)
                    .isGreaterThanOrEqualTo(interval);
        }
    }
}
