package dev.spoke.delivery;

import static dev.spoke.delivery.Harness.assertEveryRowAccountedFor;
import static dev.spoke.delivery.Harness.deferral;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final Harness harness = new Harness();

    @Test
    void waitsWhatRetryAfterAsksThenDelivers() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (call <= 2) {
                throw Failures.http(429, "slow down", harness.clock, "Retry-After", "7");
            }
            return WriteResult.allDelivered(batch);
        });
        RowBatch batch = Rows.batch(Rows.keys("c", 10));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        batch.keys().forEach(key -> {
            assertThat(outcome.outcomes().get(key)).isEqualTo(RowOutcome.delivered());
            assertThat(destination.deliveries(key)).isEqualTo(1);
        });
        assertThat(destination.writeCount()).isEqualTo(3);
        assertThat(harness.sleeper.sleeps()).hasSize(2).allSatisfy(sleep -> assertThat(sleep).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
        List<java.time.Instant> starts = destination.writeStarts();
        assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(Duration.between(starts.get(1), starts.get(2))).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(outcome.stats().requests()).isEqualTo(3);
        assertThat(outcome.stats().retries()).isEqualTo(2);
        assertThat(harness.listener.requests).containsExactly(
                "crm customers__crm THROTTLED 429", "crm customers__crm THROTTLED 429", "crm customers__crm SUCCEEDED -1");
        assertThat(harness.listener.throttleAnswers).hasSize(2)
                .allSatisfy(reason -> assertThat(reason).startsWith("HTTP 429"));
        assertThat(harness.listener.retryReasons).as("throttling is not a failed attempt").isEmpty();
    }

    @Test
    void honoursRetryAfterLongerThanMaxBackoffWithinTheTimeBudget() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (call == 1) {
                throw Failures.http(429, "", harness.clock, "Retry-After", "120");
            }
            return WriteResult.allDelivered(batch);
        });
        RowBatch batch = Rows.batch(Rows.keys("c", 3));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings(), Duration.ofMinutes(10)).deliver(destination, batch);

        assertThat(outcome.outcomes()).containsOnlyKeys(batch.keys()).allSatisfy((key, row) -> assertThat(row).isEqualTo(RowOutcome.delivered()));
        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofSeconds(120));
    }

    @Test
    void withoutABudgetStillRefusesToSleepForHours() {
        FakeDestination destination = new FakeDestination(harness.clock,
                (batch, call) -> {
                    throw Failures.http(429, "", harness.clock, "Retry-After", "7200");
                });
        RowBatch batch = Rows.batch(Rows.keys("c", 2));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        batch.keys().forEach(key -> {
            Deferral deferral = deferral(outcome, key);
            assertThat(deferral.cause()).isEqualTo(Deferral.Cause.THROTTLED);
            assertThat(deferral.reason()).contains("asked to wait 7200s").contains("longest wait a run accepts (15 min)")
                    .contains("rows left for the next run");
        });
        assertThat(destination.writeCount()).isEqualTo(1);
        assertThat(harness.sleeper.sleeps()).isEmpty();
    }

    @Test
    void givesUpWhenRetryAfterExceedsTheRemainingTimeBudget() {
        FakeDestination destination = new FakeDestination(harness.clock,
                (batch, call) -> {
                    throw Failures.http(429, "", harness.clock, "Retry-After", "120");
                });
        RowBatch batch = Rows.batch(Rows.keys("c", 3));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings(), Duration.ofSeconds(60)).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        batch.keys().forEach(key -> {
            Deferral deferral = deferral(outcome, key);
            assertThat(deferral.cause()).isEqualTo(Deferral.Cause.THROTTLED);
            assertThat(deferral.reason()).startsWith(
                    "rate limited: destination asked to wait 120s, more than the run's remaining time budget");
        });
        assertThat(outcome.outcomes()).as("throttling is never a rejection").isEmpty();
        assertThat(destination.writeCount()).isEqualTo(1);
        assertThat(harness.sleeper.sleeps()).isEmpty();
    }

    @Test
    void defersWithTheLastErrorAfterMaxAttemptsBecauseTheDestinationFailedNotTheRows() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.unavailable(harness.clock);
        });
        RowBatch batch = Rows.batch(Rows.keys("c", 5));

        DeliveryOutcome outcome = harness.deliverer(Harness.settings(4, 100)).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        batch.keys().forEach(key -> assertThat(deferral(outcome, key)).isEqualTo(new Deferral(
                "HTTP 503: unavailable (gave up after 4 attempts); rows left for the next run",
                Deferral.Cause.DESTINATION_FAILED)));
        assertThat(outcome.outcomes()).isEmpty();
        assertThat(destination.writeCount()).isEqualTo(4);
        List<Duration> sleeps = harness.sleeper.sleeps();
        assertThat(sleeps).hasSize(3);
        for (int i = 0; i < sleeps.size(); i++) {
            assertThat(sleeps.get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(1L << i));
        }
        assertThat(outcome.stats().retries()).isEqualTo(3);
    }

    @Test
    void randomServerErrorsAreRiddenOutAndEveryRowIsDeliveredOnce() {
        Random failures = new Random(7);
        List<Integer> failedCalls = new ArrayList<>();
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            if (failures.nextDouble() < 0.3) {
                failedCalls.add(call);
                throw Failures.unavailable(harness.clock);
            }
            return WriteResult.allDelivered(batch);
        });
        Deliverer deliverer = harness.deliverer(Harness.settings(8, 50));
        List<RowKey> keys = Rows.keys("c", 300);

        for (int from = 0; from < keys.size(); from += 10) {
            RowBatch batch = Rows.batch(keys.subList(from, from + 10));
            DeliveryOutcome outcome = deliverer.deliver(destination, batch);
            assertEveryRowAccountedFor(batch, outcome);
            assertThat(outcome.outcomes().values()).containsOnly(RowOutcome.delivered());
        }

        keys.forEach(key -> assertThat(destination.deliveries(key)).as("deliveries of %s", key).isEqualTo(1));
        assertThat(failedCalls).isNotEmpty();
        assertThat(destination.writeCount()).isEqualTo(30 + failedCalls.size());
        assertThat(harness.sleeper.sleeps()).hasSize(failedCalls.size())
                .allSatisfy(sleep -> assertThat(sleep).isLessThanOrEqualTo(Duration.ofSeconds(8)));
    }
}
