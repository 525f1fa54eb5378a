package dev.spoke.delivery;

import static dev.spoke.delivery.Harness.assertEveryRowAccountedFor;
import static dev.spoke.delivery.Harness.deferral;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BudgetAndStopTest {
    private static final String STOPPED = "not sent: spoke was asked to stop (SIGTERM); rows left for the next run";

    private final Harness harness = new Harness();

    @Test
    void nothingIsSentAfterTheDeadline() {
        FakeDestination destination = FakeDestination.acceptingAll(harness.clock);
        Deliverer deliverer = harness.deliverer(Harness.settings(), Duration.ofMinutes(1));
        harness.clock.advance(Duration.ofMinutes(2));
        RowBatch batch = Rows.batch(Rows.keys("c", 3));

        DeliveryOutcome outcome = deliverer.deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        batch.keys().forEach(key -> assertThat(deferral(outcome, key)).isEqualTo(
                new Deferral("time budget exhausted; rows left for the next run", Deferral.Cause.TIME_BUDGET)));
        assertThat(destination.writeCount()).isZero();
    }

    @Test
    void noRetryStartsAfterTheDeadline() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.unavailable(harness.clock);
        });
        Instant deadline = FakeClock.START.plusSeconds(3);
        Deliverer deliverer = harness.deliverer(Harness.settings(10, 100), Optional.of(deadline));
        RowBatch batch = Rows.batch(Rows.keys("c", 3));

        DeliveryOutcome outcome = deliverer.deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        batch.keys().forEach(key -> assertThat(deferral(outcome, key)).isEqualTo(new Deferral(
                "time budget exhausted; rows left for the next run (last error: HTTP 503: unavailable)",
                Deferral.Cause.TIME_BUDGET)));
        assertThat(destination.writeCount()).isBetween(1, 9);
        assertThat(destination.writeStarts()).allSatisfy(start -> assertThat(start).isBeforeOrEqualTo(deadline));
        assertThat(harness.clock.instant()).isBeforeOrEqualTo(deadline);
    }

    @Test
    void aRateLimitSlotAfterTheDeadlineIsNotWaitedFor() {
        FakeDestination destination = FakeDestination.acceptingAll(harness.clock);
        Deliverer deliverer = harness.deliverer(
                Harness.rateLimited(OptionalDouble.of(0.1), OptionalLong.empty(), Duration.ofSeconds(1), 4),
                Optional.of(FakeClock.START.plusSeconds(5)));
        List<RowKey> keys = Rows.keys("c", 2);

        DeliveryOutcome first = deliverer.deliver(destination, Rows.batch(keys.subList(0, 1)));
        DeliveryOutcome second = deliverer.deliver(destination, Rows.batch(keys.subList(1, 2)));

        assertThat(first.outcomes().get(keys.get(0))).isEqualTo(RowOutcome.delivered());
        assertThat(deferral(second, keys.get(1))).isEqualTo(
                new Deferral("time budget exhausted; rows left for the next run", Deferral.Cause.TIME_BUDGET));
        assertThat(destination.writeCount()).isEqualTo(1);
        assertThat(harness.sleeper.sleeps()).isEmpty();
    }

    @Test
    void aStopDuringBackoffEndsTheBatchAndKeepsLaterBatchesFromStarting() {
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            throw Failures.unavailable(harness.clock);
        });
        harness.sleeper.duringSleep(sleep -> harness.stop.request("SIGTERM"));
        Deliverer deliverer = harness.deliverer(Harness.settings());
        RowBatch first = Rows.batch(Rows.keys("a", 2));
        RowBatch later = Rows.batch(Rows.keys("b", 2));

        DeliveryOutcome firstOutcome = deliverer.deliver(destination, first);
        DeliveryOutcome laterOutcome = deliverer.deliver(destination, later);

        first.keys().forEach(key -> assertThat(deferral(firstOutcome, key))
                .isEqualTo(new Deferral(STOPPED + " (last error: HTTP 503: unavailable)", Deferral.Cause.STOPPED)));
        later.keys().forEach(key -> assertThat(deferral(laterOutcome, key))
                .isEqualTo(new Deferral(STOPPED, Deferral.Cause.STOPPED)));
        assertThat(destination.writeCount()).isEqualTo(1);
    }

    @Test
    void theAnswerToARequestInFlightWhenTheStopCameIsKept() {
        List<RowKey> keys = Rows.keys("c", 4);
        FakeDestination destination = new FakeDestination(harness.clock, (batch, call) -> {
            harness.stop.request("SIGTERM");
            return WriteResult.deliveredExcept(batch, Map.of(keys.get(1), RowOutcome.retryable("HTTP 409: conflict")));
        });
        RowBatch batch = Rows.batch(keys);

        DeliveryOutcome outcome = harness.deliverer(Harness.settings()).deliver(destination, batch);

        assertEveryRowAccountedFor(batch, outcome);
        assertThat(outcome.outcomes()).containsEntry(keys.get(0), RowOutcome.delivered())
                .containsEntry(keys.get(2), RowOutcome.delivered())
                .containsEntry(keys.get(3), RowOutcome.delivered());
        assertThat(deferral(outcome, keys.get(1)))
                .isEqualTo(new Deferral(STOPPED + " (last error: HTTP 409: conflict)", Deferral.Cause.STOPPED));
        assertThat(destination.writeCount()).isEqualTo(1);
    }

    @Test
    void aRealWaitEndsAsSoonAsTheStopIsRequested() throws Exception {
        StopSignal stop = new StopSignal();
        FakeDestination destination = new FakeDestination(new FakeClock(), (batch, call) -> {
            throw Failures.http(429, "", java.time.Clock.systemUTC(), "Retry-After", "30");
        });
        Deliverer deliverer = new Deliverer("crm", Harness.settings(),
                DeliveryContext.system(stop, Optional.empty(), DeliveryListener.NONE));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> stop.request("SIGTERM"), 100, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            DeliveryOutcome outcome = deliverer.deliver(destination, Rows.batch(Rows.keys("c", 1)));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(deferral(outcome, RowKey.of("c-0")).reason()).startsWith(STOPPED);
            assertThat(destination.writeCount()).isEqualTo(1);
        } finally {
            timer.shutdownNow();
        }
    }
}
