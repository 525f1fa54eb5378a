package dev.spoke.delivery;

import static dev.spoke.delivery.Harness.assertEveryRowAccountedFor;
import static dev.spoke.delivery.Harness.rejection;
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
        first.keys().forEach(key -> assertThat(rejection(firstOutcome, key)).isEqualTo(RowOutcome.retryable(reason)));
        later.keys().forEach(key -> assertThat(rejection(laterOutcome, key)).isEqualTo(RowOutcome.retryable(reason)));
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

        first.keys().forEach(key -> assertThat(rejection(firstOutcome, key))
                .isEqualTo(RowOutcome.retryable("HTTP 503: unavailable (gave up after 2 attempts)")));
        second.keys().forEach(key -> assertThat(rejection(secondOutcome, key))
                .isEqualTo(RowOutcome.retryable(open + " (last error: HTTP 503: unavailable)")));
        third.keys().forEach(key -> assertThat(rejection(thirdOutcome, key)).isEqualTo(RowOutcome.retryable(open)));
        leads.keys().forEach(key -> assertThat(rejection(leadsOutcome, key)).isEqualTo(RowOutcome.retryable(open)));
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
    void aThrottleThatOutlastsEveryAttemptCountsAsOneFailure() {
        FakeDestination throttling = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.http(429, "daily limit", harness.clock);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings(3, 2));

        deliverer.deliver(throttling, Rows.batch(Rows.keys("a", 1)));
        assertThat(deliverer.circuitOpenReason()).isEmpty();
        deliverer.deliver(throttling, Rows.batch(Rows.keys("b", 1)));
        DeliveryOutcome third = deliverer.deliver(throttling, Rows.batch(Rows.keys("c", 1)));

        assertThat(deliverer.circuitOpenReason()).isPresent();
        assertThat(throttling.writeCount()).isEqualTo(6);
        assertThat(rejection(third, Rows.keys("c", 1).get(0)).reason()).startsWith("not sent: destination crm looks down (2 consecutive");
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
