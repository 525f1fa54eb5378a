package dev.spoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/** A fake clock, sleeper, stop signal and listener, and the settings and assertions every delivery test uses. */
final class Harness {
    final FakeClock clock = new FakeClock();
    final FakeSleeper sleeper = new FakeSleeper(clock);
    final StopSignal stop = new StopSignal();
    final RecordingListener listener = new RecordingListener();

    /** Small, fast settings: 4 attempts, 1 s doubling to 8 s, no rate limit, concurrency 4, circuit after 10. */
    static DeliverySettings settings() {
        return settings(4, 10);
    }

    static DeliverySettings settings(int maxAttempts, int circuitBreakerFailures) {
        return new DeliverySettings(Duration.ofSeconds(30), Duration.ofSeconds(10), maxAttempts, Duration.ofSeconds(1),
                Duration.ofSeconds(8), OptionalDouble.empty(), OptionalLong.empty(), Duration.ofSeconds(1), 4,
                circuitBreakerFailures, OptionalLong.empty(), OptionalDouble.empty());
    }

    static DeliverySettings rateLimited(OptionalDouble perSecond, OptionalLong perWindow, Duration window, int concurrency) {
        return new DeliverySettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(8), perSecond, perWindow, window, concurrency, 10, OptionalLong.empty(),
                OptionalDouble.empty());
    }

    Deliverer deliverer(DeliverySettings settings) {
        return deliverer(settings, Optional.empty());
    }

    /** A deliverer whose run ends {@code budget} after the fake clock's start. */
    Deliverer deliverer(DeliverySettings settings, Duration budget) {
        return deliverer(settings, Optional.of(FakeClock.START.plus(budget)));
    }

    Deliverer deliverer(DeliverySettings settings, Optional<Instant> deadline) {
        return new Deliverer("crm", settings,
                new DeliveryContext(clock, sleeper, stop, deadline, listener, new Random(42)));
    }

    /** Every row of the batch is in exactly one place: the outcomes or one job. */
    static void assertEveryRowAccountedFor(RowBatch batch, DeliveryOutcome outcome) {
        Set<RowKey> seen = new HashSet<>(outcome.outcomes().keySet());
        outcome.deferred().keySet().forEach(key -> assertThat(seen.add(key))
                .as("row %s is deferred and has an outcome", key).isTrue());
        outcome.jobs().forEach(job -> job.keys().forEach(key -> assertThat(seen.add(key))
                .as("row %s is in a job and elsewhere", key).isTrue()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(batch.keys());
    }

    static Deferral deferral(DeliveryOutcome outcome, RowKey key) {
        assertThat(outcome.deferred()).as("deferral of %s", key).containsKey(key);
        return outcome.deferred().get(key);
    }

    static RowOutcome.Rejected rejection(DeliveryOutcome outcome, RowKey key) {
        assertThat(outcome.outcomes().get(key)).as("outcome of %s", key).isInstanceOf(RowOutcome.Rejected.class);
        return (RowOutcome.Rejected) outcome.outcomes().get(key);
    }
}
