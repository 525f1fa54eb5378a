package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static dev.spoke.it.faults.FaultAssertions.nothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 3: a receiver slower than {@code delivery.timeout} (300ms): the first attempt of every other message is
 * answered only after a second. spoke times out and sends the message again; the receiver sees repeats, always with
 * the same webhook-id, Idempotency-Key and body, so it can drop them; every row is delivered.
 */
class SlowResponsesIT {
    @TempDir
    Path dir;

    @Test
    void retriesRequestsThatOutliveTheTimeoutWithTheSameIdempotencyKey() {
        FaultProject project = FaultProject.create(dir, 120);
        try (FaultyReceiver receiver = FaultyReceiver.start(everyOtherMessageSlowOnce())) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(20).delivery("timeout", "300ms"));

            RunOutcome run = project.sync();

            counts(run, "success", 0, 120, 120, 0);
            deliveredExactly(project, receiver, project.allKeys());
            nothingLost(project, run);
            Map<String, List<ReceivedRequest>> byMessage = receiver.requests().stream()
                    .collect(Collectors.groupingBy(ReceivedRequest::webhookId));
            assertThat(byMessage).hasSize(6);
            assertThat(byMessage.values()).as("messages the receiver saw twice")
                    .filteredOn(attempts -> attempts.size() > 1)
                    .hasSize(3)
                    .allSatisfy(attempts -> {
                        ReceivedRequest first = attempts.get(0);
                        assertThat(first.reply().delay()).isEqualTo(Duration.ofSeconds(1));
                        assertThat(attempts).extracting(ReceivedRequest::idempotencyKey)
                                .containsOnly("\"" + first.webhookId() + "\"");
                        assertThat(attempts).extracting(ReceivedRequest::body).containsOnly(first.body());
                    });
            assertThat(byMessage.values()).allSatisfy(attempts -> assertThat(attempts.size())
                    .as("attempts: the slow first one, then one on time").isEqualTo(slow(attempts.get(0)) ? 2 : 1));
        }
    }

    private static boolean slow(ReceivedRequest first) {
        return !first.reply().delay().isZero();
    }

    /** The first attempt of every other message is answered after a second; every other request at once. */
    private static FaultyReceiver.Script everyOtherMessageSlowOnce() {
        AtomicInteger firstAttempts = new AtomicInteger();
        return request -> request.attempt() == 1 && firstAttempts.getAndIncrement() % 2 == 0
                ? Reply.ok().delayedBy(Duration.ofSeconds(1))
                : Reply.ok();
    }
}
