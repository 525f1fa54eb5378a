package dev.spoke.delivery;

import static dev.spoke.delivery.Harness.assertEveryRowAccountedFor;
import static dev.spoke.delivery.Harness.deferral;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import org.junit.jupiter.api.Test;

class FatalAndCircuitTest {
    private final Harness harness = new Harness();

    @Test
    void aFatalFailureStopsThatDestinationForTheRunButNotOtherExportsOfTheConnection() {
        FakeDestination revoked = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.http(410, "gone", harness.clock);
        });
        FakeDestination healthy = FakeDestination.acceptingAll(harness.clock);
        Deliverer deliverer = harness.deliverer(Harness.settings());
        RowBatch first = Rows.batch(Rows.keys("a", 3));
        RowBatch later = Rows.batch(Rows.keys("b", 3));
        RowBatch other = Rows.batch(Rows.LEADS, Rows.keys("l", 3));
        String reason = "not sent: HTTP 410: gone (the receiver asked for no more deliveries)";

        DeliveryOutcome firstOutcome = deliverer.deliver(revoked, first);
        DeliveryOutcome laterOutcome = deliverer.deliver(revoked, later);
        DeliveryOutcome otherOutcome = deliverer.deliver(healthy, other);

        assertEveryRowAccountedFor(first, firstOutcome);
        assertEveryRowAccountedFor(later, laterOutcome);
        Deferral failed = new Deferral(reason, Deferral.Cause.DESTINATION_FAILED);
        first.keys().forEach(key -> assertThat(deferral(firstOutcome, key)).isEqualTo(failed));
        later.keys().forEach(key -> assertThat(deferral(laterOutcome, key)).isEqualTo(failed));
        assertThat(revoked.writeCount()).isEqualTo(1);
        assertThat(laterOutcome.stats().requests()).isZero();
        assertThat(deliverer.stopped(revoked)).isTrue();
        assertThat(deliverer.stopReason(revoked)).contains("HTTP 410: gone (the receiver asked for no more deliveries)");
        assertThat(harness.listener.destinationsStopped).hasSize(1);
        assertThat(harness.sleeper.sleeps()).as("a fatal failure is not retried").isEmpty();

        assertEveryRowAccountedFor(other, otherOutcome);
        assertThat(otherOutcome.outcomes().values()).containsOnly(RowOutcome.delivered());
        other.keys().forEach(key -> assertThat(healthy.deliveries(key)).isEqualTo(1));
        assertThat(deliverer.stopped(healthy)).isFalse();
    }

    @Test
    void theCircuitOpensAfterConsecutiveFailuresAndStaysOpenForEveryExportOfTheConnection() {
        FakeDestination down = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.unavailable(harness.clock);
        });
        FakeDestination sameConnection = FakeDestination.acceptingAll(harness.clock);
        Deliverer deliverer = harness.deliverer(Harness.settings(2, 3));
        RowBatch first = Rows.batch(Rows.keys("a", 2));
        RowBatch second = Rows.batch(Rows.keys("b", 2));
        RowBatch third = Rows.batch(Rows.keys("c", 2));
        RowBatch leads = Rows.batch(Rows.LEADS, Rows.keys("l", 2));
        String open = "not sent: destination crm looks down (3 consecutive failures, the last: HTTP 503: unavailable); "
                + "rows left for the next run";

        DeliveryOutcome firstOutcome = deliverer.deliver(down, first);
        DeliveryOutcome secondOutcome = deliverer.deliver(down, second);
        DeliveryOutcome thirdOutcome = deliverer.deliver(down, third);
        DeliveryOutcome leadsOutcome = deliverer.deliver(sameConnection, leads);

        Deferral.Cause failed = Deferral.Cause.DESTINATION_FAILED;
        first.keys().forEach(key -> assertThat(deferral(firstOutcome, key)).isEqualTo(new Deferral(
                "HTTP 503: unavailable (gave up after 2 attempts); rows left for the next run", failed)));
        second.keys().forEach(key -> assertThat(deferral(secondOutcome, key))
                .isEqualTo(new Deferral(open + " (last error: HTTP 503: unavailable)", failed)));
        third.keys().forEach(key -> assertThat(deferral(thirdOutcome, key)).isEqualTo(new Deferral(open, failed)));
        leads.keys().forEach(key -> assertThat(deferral(leadsOutcome, key)).isEqualTo(new Deferral(open, failed)));
        assertEveryRowAccountedFor(third, thirdOutcome);
        assertThat(down.writeCount()).isEqualTo(3);
        assertThat(sameConnection.writeCount()).isZero();
        assertThat(harness.listener.circuitsOpened).containsExactly("crm 3 HTTP 503: unavailable");
        assertThat(deliverer.circuitOpenReason()).contains(open);
        assertThat(deliverer.stopped(sameConnection)).isTrue();
    }

    @Test
    void throttlingThatPassesNeverOpensTheCircuit() {
        FakeDestination throttling = new FakeDestination(harness.clock, (batch, call) -> {
            if (call % 2 == 1) {
                throw Failures.http(429, "", harness.clock, "Retry-After", "1");
            }
            return WriteResult.allDelivered(batch);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings(3, 2));

        for (int i = 0; i < 10; i++) {
            RowBatch batch = Rows.batch(Rows.keys("b" + i, 2));
            DeliveryOutcome outcome = deliverer.deliver(throttling, batch);
            assertThat(outcome.outcomes().values()).containsOnly(RowOutcome.delivered());
        }

        assertThat(deliverer.circuitOpenReason()).isEmpty();
        assertThat(throttling.writeCount()).isEqualTo(20);
    }

    @Test
    void aThrottleWithoutEndNeverOpensTheCircuitButEndsTheConnectionsRun() {
        FakeDestination throttling = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.http(429, "daily limit", harness.clock);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings(3, 2));

        DeliveryOutcome first = deliverer.deliver(throttling, Rows.batch(Rows.keys("a", 1)));
        int writes = throttling.writeCount();
        DeliveryOutcome second = deliverer.deliver(throttling, Rows.batch(Rows.keys("b", 1)));

        assertThat(deliverer.circuitOpenReason()).isEmpty();
        assertThat(writes).as("backing off up to 8 s for 15 min: far more requests than max_attempts").isGreaterThan(100);
        assertThat(throttling.writeCount()).isEqualTo(writes);
        assertThat(deferral(first, Rows.keys("a", 1).get(0)).cause()).isEqualTo(Deferral.Cause.THROTTLED);
        assertThat(deferral(second, Rows.keys("b", 1).get(0)).reason()).contains("still throttled after the longest a run waits");
    }

    @Test
    void anAnswerEndsTheStreakOfFailures() {
        FakeDestination flaky = new FakeDestination(harness.clock, (batch, call) -> {
            if (call % 3 != 0) {
                throw Failures.unavailable(harness.clock);
            }
            return WriteResult.allDelivered(batch);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings(3, 3));

        for (int i = 0; i < 5; i++) {
            RowBatch batch = Rows.batch(Rows.keys("b" + i, 2));
            assertThat(deliverer.deliver(flaky, batch).outcomes().values()).containsOnly(RowOutcome.delivered());
        }

        assertThat(deliverer.circuitOpenReason()).isEmpty();
        assertThat(flaky.writeCount()).isEqualTo(15);
    }
}
