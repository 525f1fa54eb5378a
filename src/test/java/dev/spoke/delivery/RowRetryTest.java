package dev.spoke.delivery;

import static dev.spoke.delivery.Harness.assertEveryRowAccountedFor;
import static dev.spoke.delivery.Harness.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowRetryTest {
    private final Harness harness = new Harness();
    private final List<RowKey> keys = Rows.keys("c", 6);

    @Test
    void resendsOnlyTheRowsRefusedAsRetryable() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (call == 1) {
                return WriteResult.deliveredExcept(batch, Map.of(
                        keys.get(1), RowOutcome.retryable("HTTP 409: conflict"),
                        keys.get(3), RowOutcome.retryable("HTTP 409: conflict"),
                        keys.get(5), RowOutcome.rejected("invalid email address")));
            }
            return WriteResult.allDelivered(batch);
        });
        RowBatch batch = Rows.batch(keys);

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        assertThat(destination.writes()).containsExactly(keys, List.of(keys.get(1), keys.get(3)));
        assertThat(rejection(outcome, keys.get(5))).isEqualTo(RowOutcome.rejected("invalid email address"));
        for (RowKey key : keys.subList(0, 5)) {
            assertThat(outcome.outcomes().get(key)).isEqualTo(RowOutcome.delivered());
            assertThat(destination.deliveries(key)).isEqualTo(1);
        }
        assertThat(outcome.stats().requests()).isEqualTo(2);
        assertThat(outcome.stats().retries()).isEqualTo(1);
        assertThat(harness.listener.retryReasons).containsExactly("refused as retryable (2 rows, e.g. c-1): HTTP 409: conflict");
    }

    @Test
    void aRowRefusedAsRetryableEveryTimeIsRejectedWithTheLastReason() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) ->
                WriteResult.deliveredExcept(batch, Map.of(keys.get(2), RowOutcome.retryable("HTTP 423: locked (" + call + ")"))));
        RowBatch batch = Rows.batch(keys);

        DeliveryOutcome outcome = harness.deliverer(Harness.settings(4, 10)).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        assertThat(rejection(outcome, keys.get(2))).isEqualTo(RowOutcome.retryable("HTTP 423: locked (4) (gave up after 4 attempts)"));
        assertThat(destination.writes()).hasSize(4);
        assertThat(destination.writes().subList(1, 4)).allSatisfy(write -> assertThat(write).containsExactly(keys.get(2)));
        keys.stream().filter(key -> !key.equals(keys.get(2))).forEach(key -> {
            assertThat(outcome.outcomes().get(key)).isEqualTo(RowOutcome.delivered());
            assertThat(destination.deliveries(key)).isEqualTo(1);
        });
    }

    @Test
    void rowsTheDestinationDidNotReportOnAreSentAgain() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            Map<RowKey, RowOutcome> reported = new HashMap<>();
            batch.keys().stream().filter(key -> call > 1 || keys.indexOf(key) % 2 == 0)
                    .forEach(key -> reported.put(key, RowOutcome.delivered()));
            return WriteResult.of(reported);
        });
        RowBatch batch = Rows.batch(keys);

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        assertThat(outcome.outcomes().values()).containsOnly(RowOutcome.delivered());
        assertThat(destination.writes().get(1)).containsExactly(keys.get(1), keys.get(3), keys.get(5));
        keys.forEach(key -> assertThat(destination.deliveries(key)).isEqualTo(1));
    }

    @Test
    void rowsNeverReportedOnAreDeferredNotRejected() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> WriteResult.of(Map.of()));
        RowBatch batch = Rows.batch(keys.subList(0, 2));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings(2, 10)).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        batch.keys().forEach(key -> assertThat(Harness.deferral(outcome, key)).isEqualTo(new Deferral(
                "the destination did not report on this row (gave up after 2 attempts); rows left for the next run",
                Deferral.Cause.DESTINATION_FAILED)));
    }
}
