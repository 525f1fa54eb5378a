package dev.spoke.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.ExportDescriptor;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads against the connection's and the destination's concurrency limits. */
class ConcurrencyTest {
    private static final Duration REQUEST_TIME = Duration.ofMillis(20);

    private final Harness harness = new Harness();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void theConnectionLimitHoldsAcrossEveryExportOfTheConnection() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        FakeDestination.Script countingConcurrentCalls = (batch, call) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(REQUEST_TIME.toMillis());
                return WriteResult.allDelivered(batch);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        FakeDestination customers = new FakeDestination(harness.clock, countingConcurrentCalls).maxConcurrency(10);
        FakeDestination leads = new FakeDestination(harness.clock, countingConcurrentCalls).maxConcurrency(10);
        Deliverer deliverer = harness.deliverer(
                Harness.rateLimited(OptionalDouble.empty(), OptionalLong.empty(), Duration.ofSeconds(1), 3));

        List<Future<List<RowKey>>> results = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            boolean even = thread % 2 == 0;
            FakeDestination destination = even ? customers : leads;
            ExportDescriptor export = even ? Rows.CUSTOMERS : Rows.LEADS;
            String prefix = "t" + thread;
            results.add(threads.submit(() -> deliverFourBatches(deliverer, destination, export, prefix)));
        }
        List<RowKey> delivered = new ArrayList<>();
        for (Future<List<RowKey>> result : results) {
            delivered.addAll(result.get(30, TimeUnit.SECONDS));
        }

        assertThat(delivered).hasSize(8 * 4 * 2).doesNotHaveDuplicates();
        delivered.forEach(key -> assertThat(customers.deliveries(key) + leads.deliveries(key)).isEqualTo(1));
        assertThat(maxInFlight.get()).as("most requests in flight at once").isEqualTo(3);
    }

    @Test
    void aDestinationGetsNoMoreConcurrentRequestsThanItDeclares() throws Exception {
        FakeDestination singleWriter = FakeDestination.acceptingAll(harness.clock).maxConcurrency(1).pausing(REQUEST_TIME);
        Deliverer deliverer = harness.deliverer(
                Harness.rateLimited(OptionalDouble.empty(), OptionalLong.empty(), Duration.ofSeconds(1), 4));

        List<Future<List<RowKey>>> results = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            String prefix = "t" + thread;
            results.add(threads.submit(() -> deliverFourBatches(deliverer, singleWriter, Rows.CUSTOMERS, prefix)));
        }
        for (Future<List<RowKey>> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).hasSize(8);
        }

        assertThat(singleWriter.maxInFlight()).isEqualTo(1);
        assertThat(singleWriter.writeCount()).isEqualTo(16);
    }

    @Test
    void aStopEndsTheWaitForAPermitWhileTheRequestInFlightFinishes() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeDestination slow = new FakeDestination(harness.clock, (batch, call) -> {
            inFlight.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return WriteResult.allDelivered(batch);
        }).maxConcurrency(4);
        Deliverer deliverer = harness.deliverer(
                Harness.rateLimited(OptionalDouble.empty(), OptionalLong.empty(), Duration.ofSeconds(1), 1));
        RowBatch first = Rows.batch(Rows.keys("a", 2));
        RowBatch second = Rows.batch(Rows.keys("b", 2));

        Future<DeliveryOutcome> firstOutcome = threads.submit(() -> deliverer.deliver(slow, first));
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
        Future<DeliveryOutcome> secondOutcome = threads.submit(() -> deliverer.deliver(slow, second));
        Thread.sleep(100);
        harness.stop.request("SIGTERM");

        DeliveryOutcome waited = secondOutcome.get(5, TimeUnit.SECONDS);
        second.keys().forEach(key -> assertThat(waited.deferred().get(key)).isEqualTo(new Deferral(
                "not sent: spoke was asked to stop (SIGTERM); rows left for the next run", Deferral.Cause.STOPPED)));
        assertThat(firstOutcome.isDone()).as("the request in flight is not cut short").isFalse();
        release.countDown();
        assertThat(firstOutcome.get(5, TimeUnit.SECONDS).outcomes().values()).containsOnly(RowOutcome.delivered());
        assertThat(slow.writeCount()).isEqualTo(1);
    }

    private static List<RowKey> deliverFourBatches(
            Deliverer deliverer, FakeDestination destination, ExportDescriptor export, String prefix) {
        List<RowKey> delivered = new ArrayList<>();
        for (int batchNumber = 0; batchNumber < 4; batchNumber++) {
            RowBatch batch = Rows.batch(export, Rows.keys(prefix + "b" + batchNumber, 2));
            DeliveryOutcome outcome = deliverer.deliver(destination, batch);
            Harness.assertEveryRowAccountedFor(batch, outcome);
            outcome.outcomes().forEach((key, rowOutcome) -> {
                assertThat(rowOutcome).isEqualTo(RowOutcome.delivered());
                delivered.add(key);
            });
        }
        return delivered;
    }
}
