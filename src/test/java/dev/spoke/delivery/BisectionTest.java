package dev.spoke.delivery;

import static dev.spoke.delivery.Harness.assertEveryRowAccountedFor;
import static dev.spoke.delivery.Harness.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BisectionTest {
    private final Harness harness = new Harness();

    /** Refuses a whole batch with a 422 naming the first poison row in it, like HubSpot's batch validation. */
    private FakeDestination refusingBatchesWith(Set<RowKey> poison) {
        return new FakeDestination(harness.clock, (batch, call) -> {
            for (RowKey key : batch.keys()) {
                if (poison.contains(key)) {
                    throw Failures.http(422, "invalid email for " + key, harness.clock);
                }
            }
            return WriteResult.allDelivered(batch);
        });
    }

    @Test
    void isolatesExactlyThePoisonRowsAndDeliversTheRest() {
        List<RowKey> keys = Rows.keys("c", 64);
        Set<RowKey> poison = Set.of(keys.get(5), keys.get(40), keys.get(41));
        FakeDestination destination = refusingBatchesWith(poison);
        RowBatch batch = Rows.batch(keys);

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        for (RowKey key : keys) {
            if (poison.contains(key)) {
                assertThat(rejection(outcome, key)).isEqualTo(RowOutcome.rejected("HTTP 422: invalid email for " + key));
                assertThat(destination.deliveries(key)).isZero();
            } else {
                assertThat(outcome.outcomes().get(key)).isEqualTo(RowOutcome.delivered());
                assertThat(destination.deliveries(key)).as("deliveries of %s", key).isEqualTo(1);
            }
        }
        // k poison rows among n cost at most 2k*log2(n) + 1 requests: here 37, against 64 for row-by-row
        assertThat(destination.writeCount()).isBetween(2 * 6 + 1, 2 * 3 * 6 + 1);
        assertThat(outcome.stats().requests()).isEqualTo(destination.writeCount());
        assertThat(outcome.stats().bisections()).isEqualTo(harness.listener.bisectedSizes.size());
        assertThat(harness.listener.bisectedSizes).startsWith(64, 32);
        assertThat(harness.sleeper.sleeps()).as("a refusal is not retried").isEmpty();
    }

    @Test
    void aSingleRowRefusedIsRejectedWithoutSplitting() {
        RowKey only = RowKey.of("c-0");
        FakeDestination destination = refusingBatchesWith(Set.of(only));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, Rows.batch(List.of(only)));

        assertThat(outcome.outcomes()).containsExactly(java.util.Map.entry(only, RowOutcome.rejected("HTTP 422: invalid email for c-0")));
        assertThat(destination.writeCount()).isEqualTo(1);
        assertThat(harness.listener.bisectedSizes).isEmpty();
    }

    @Test
    void aFatalAnswerDuringBisectionStopsTheRestOfTheBatch() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (call == 1) {
                throw Failures.http(400, "bad batch", harness.clock);
            }
            throw Failures.http(401, "token revoked", harness.clock);
        });
        RowBatch batch = Rows.batch(Rows.keys("c", 8));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        batch.keys().forEach(key -> assertThat(Harness.deferral(outcome, key)).isEqualTo(new Deferral(
                "not sent: HTTP 401: token revoked (check the connection's credentials)",
                Deferral.Cause.DESTINATION_FAILED)));
        assertThat(destination.writeCount()).as("the second half is never sent").isEqualTo(2);
    }
}
