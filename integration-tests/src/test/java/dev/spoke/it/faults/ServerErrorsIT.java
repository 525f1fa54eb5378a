package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static dev.spoke.it.faults.FaultAssertions.nothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.Incoming;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 2: a receiver that answers 500 or 503 to about a third of the requests, chosen by a seeded random draw per
 * (message, attempt) so the run is the same whatever order the sender threads go in. Every row is delivered after
 * retries, each retry carries the same message, and nothing is rejected.
 */
class ServerErrorsIT {
    private static final long SEED = 20_261_128L;

    @TempDir
    Path dir;

    @Test
    void retriesRandomServerErrorsUntilEveryRowIsDelivered() {
        FaultProject project = FaultProject.create(dir, 500);
        try (FaultyReceiver receiver = FaultyReceiver.start(ServerErrorsIT::answer)) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(25)
                    .delivery("max_attempts", 10)
                    .delivery("circuit_breaker_failures", 25));

            RunOutcome run = project.sync();

            counts(run, "success", 0, 500, 500, 0);
            deliveredExactly(project, receiver, project.allKeys());
            nothingLost(project, run);
            List<ReceivedRequest> requests = receiver.requests();
            assertThat(requests).filteredOn(request -> request.reply().status() >= 500)
                    .as("server errors the receiver answered").hasSizeGreaterThan(5);
            Map<String, List<ReceivedRequest>> byMessage = requests.stream()
                    .collect(Collectors.groupingBy(ReceivedRequest::webhookId));
            assertThat(byMessage).as("one message per batch of 25").hasSize(20);
            byMessage.forEach((id, attempts) -> {
                assertThat(attempts.get(attempts.size() - 1).reply().status()).as("last answer to " + id)
                        .isEqualTo(200);
                assertThat(attempts).as("attempts of " + id).filteredOn(a -> a.reply().status() == 200).hasSize(1);
                assertThat(attempts).extracting(ReceivedRequest::body).containsOnly(attempts.get(0).body());
            });
        }
    }

    private static Reply answer(Incoming request) {
        Random draw = new Random(SEED ^ ((long) request.webhookId().hashCode() << 8) ^ request.attempt());
        int roll = draw.nextInt(100);
        if (roll < 17) {
            return Reply.status(500, "{\"error\":\"internal error\"}");
        }
        if (roll < 35) {
            return Reply.status(503, "{\"error\":\"unavailable\"}");
        }
        return Reply.ok();
    }
}
