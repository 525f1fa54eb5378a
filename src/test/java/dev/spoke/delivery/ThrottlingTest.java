package dev.spoke.delivery;

import static dev.spoke.delivery.Harness.assertEveryRowAccountedFor;
import static dev.spoke.delivery.Harness.deferral;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Throttling is not failure: it spends no attempt, never opens the circuit, and ends in deferral, never rejection. */
class ThrottlingTest {
    private final Harness harness = new Harness();

    @Test
    void throttledRequestsSpendNoAttempt() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (call <= 10) {
                throw Failures.http(429, "slow down", harness.clock, "Retry-After", "1");
            }
            return WriteResult.allDelivered(batch);
        });
        RowBatch batch = Rows.batch(Rows.keys("c", 5));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings(2, 3)).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        assertThat(outcome.outcomes().values()).containsOnly(RowOutcome.delivered());
        assertThat(destination.writeCount()).isEqualTo(11);
        assertThat(harness.listener.circuitsOpened).isEmpty();
        assertThat(harness.listener.throttleWaits).hasSize(10).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void aThrottleThatNamesNoWaitBacksOffAndStillSpendsNoAttempt() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (call <= 6) {
                throw Failures.http(429, "", harness.clock);
            }
            return WriteResult.allDelivered(batch);
        });
        RowBatch batch = Rows.batch(Rows.keys("c", 2));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings(2, 3)).deliver(destination, batch);

        assertThat(outcome.outcomes().values()).containsOnly(RowOutcome.delivered());
        assertThat(destination.writeCount()).isEqualTo(7);
        assertThat(harness.listener.throttleWaits).hasSize(6)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(8)));
    }

    @Test
    void a503NamingAWaitIsThrottlingAndA503WithoutOneIsAFailure() {
        FakeDestination throttling = new FakeDestination(harness.clock, (batch, call) -> {
            if (call <= 5) {
                throw Failures.http(503, "busy", harness.clock, "Retry-After", "2");
            }
            return WriteResult.allDelivered(batch);
        });
        FakeDestination failing = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.http(503, "down", harness.clock);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings(3, 100));

        DeliveryOutcome throttled = deliverer.deliver(throttling, Rows.batch(Rows.keys("t", 2)));
        DeliveryOutcome failed = deliverer.deliver(failing, Rows.batch(Rows.keys("f", 2)));

        assertThat(throttled.outcomes().values()).containsOnly(RowOutcome.delivered());
        assertThat(failing.writeCount()).isEqualTo(3);
        assertThat(deferral(failed, RowKey.of("f-0")).cause()).isEqualTo(Deferral.Cause.DESTINATION_FAILED);
    }

    @Test
    void throttlingNeverOpensTheCircuit() {
        Random random = new Random(3);
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (random.nextDouble() < 0.7) {
                throw Failures.http(429, "", harness.clock, "Retry-After", "1");
            }
            return WriteResult.allDelivered(batch);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings(1, 2));
        List<RowKey> keys = Rows.keys("c", 200);

        for (int from = 0; from < keys.size(); from += 10) {
            DeliveryOutcome outcome = deliverer.deliver(destination, Rows.batch(keys.subList(from, from + 10)));
            assertThat(outcome.outcomes().values()).containsOnly(RowOutcome.delivered());
        }

        assertThat(harness.listener.circuitsOpened).isEmpty();
        keys.forEach(key -> assertThat(destination.deliveries(key)).isEqualTo(1));
    }

    @Test
    void aRequestThrottledForTheLongestWaitDefersItsRowsAndStopsTheConnectionForTheRun() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.http(429, "quota", harness.clock, "Retry-After", "60");
        });
        Deliverer deliverer = harness.deliverer(Harness.settings());
        RowBatch first = Rows.batch(Rows.keys("a", 3));
        RowBatch later = Rows.batch(Rows.keys("b", 3));

        DeliveryOutcome firstOutcome = deliverer.deliver(destination, first);
        DeliveryOutcome laterOutcome = deliverer.deliver(destination, later);

        assertEveryRowAccountedFor(first, firstOutcome);
        Deferral deferral = deferral(firstOutcome, RowKey.of("a-0"));
        assertThat(deferral.cause()).isEqualTo(Deferral.Cause.THROTTLED);
        assertThat(deferral.reason())
                .contains("destination crm still throttled after the longest a run waits on one request (15 min")
                .contains("HTTP 429: quota").endsWith("rows left for the next run");
        assertThat(destination.writeCount()).as("the first, then one a minute for 15 minutes").isEqualTo(16);
        assertThat(deferral(laterOutcome, RowKey.of("b-0"))).isEqualTo(deferral);
        assertThat(deliverer.throttledOutReason()).contains(deferral.reason());
        assertThat(deliverer.stopped(destination)).isTrue();
        assertThat(deliverer.stopReason(destination)).as("throttled out is not a failure").isEmpty();
        assertThat(harness.listener.throttledOut).hasSize(1);
        assertThat(harness.listener.circuitsOpened).isEmpty();
    }

    @Test
    void a413LowersTheBatchSizeForTheRestOfTheRunInsteadOfBisectingEveryBatch() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (batch.size() > 25) {
                throw Failures.http(413, "payload too large", harness.clock);
            }
            return WriteResult.allDelivered(batch);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings());
        RowBatch first = Rows.batch(Rows.keys("a", 100));
        RowBatch second = Rows.batch(Rows.keys("b", 100));

        DeliveryOutcome firstOutcome = deliverer.deliver(destination, first);
        int writesForFirst = destination.writeCount();
        DeliveryOutcome secondOutcome = deliverer.deliver(destination, second);

        assertThat(firstOutcome.outcomes().values()).hasSize(100).containsOnly(RowOutcome.delivered());
        assertThat(secondOutcome.outcomes().values()).hasSize(100).containsOnly(RowOutcome.delivered());
        assertThat(harness.listener.loweredSizes).containsExactly(50, 25);
        assertThat(writesForFirst).as("100 refused, 50 refused, then four of 25").isEqualTo(6);
        assertThat(destination.writeCount() - writesForFirst).as("four of 25, nothing refused").isEqualTo(4);
        assertThat(harness.listener.bisectedSizes).containsExactly(100, 50);
    }

    @Test
    void aSingleRowTooLargeIsRejectedByTheDestination() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.http(413, "payload too large", harness.clock);
        });

        DeliveryOutcome outcome = harness.deliverer(Harness.settings())
                .deliver(destination, Rows.batch(Rows.keys("a", 1)));

        assertThat(outcome.outcomes().get(RowKey.of("a-0")))
                .isEqualTo(RowOutcome.rejected("HTTP 413: payload too large"));
    }
}
