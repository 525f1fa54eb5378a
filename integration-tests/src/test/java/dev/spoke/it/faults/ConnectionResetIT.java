package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static dev.spoke.it.faults.FaultAssertions.nothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 4: connections that break while the receiver answers: closed before any response, or after a 200 status line
 * and headers, in the middle of the body. A 200 whose body never fully arrived is not a confirmation (the body may
 * name rejected rows), so spoke sends the message again; every row is delivered.
 */
class ConnectionResetIT {
    @TempDir
    Path dir;

    @Test
    void retriesConnectionsClosedBeforeOrDuringTheResponse() {
        FaultProject project = FaultProject.create(dir, 160);
        try (FaultyReceiver receiver = FaultyReceiver.start(alternatingFaults())) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(20));

            RunOutcome run = project.sync();

            counts(run, "success", 0, 160, 160, 0);
            deliveredExactly(project, receiver, project.allKeys());
            nothingLost(project, run);
            Map<String, List<ReceivedRequest>> byMessage = receiver.requests().stream()
                    .collect(Collectors.groupingBy(ReceivedRequest::webhookId));
            assertThat(byMessage).hasSize(8).allSatisfy((id, attempts) -> {
                assertThat(attempts).as("attempts of " + id).hasSize(2);
                assertThat(attempts.get(0).reply().fault()).isNotEqualTo(Reply.Fault.NONE);
                assertThat(attempts.get(1).reply().fault()).isEqualTo(Reply.Fault.NONE);
            });
            assertThat(receiver.requests()).extracting(request -> request.reply().fault())
                    .contains(Reply.Fault.DISCONNECT_BEFORE_RESPONSE, Reply.Fault.DISCONNECT_DURING_BODY);
        }
    }

    /** First attempts alternate between the two faults; every second attempt goes through. */
    private static FaultyReceiver.Script alternatingFaults() {
        AtomicInteger firstAttempts = new AtomicInteger();
        return request -> {
            if (request.attempt() > 1) {
                return Reply.ok();
            }
            return Reply.ok().withFault(firstAttempts.getAndIncrement() % 2 == 0
                    ? Reply.Fault.DISCONNECT_DURING_BODY : Reply.Fault.DISCONNECT_BEFORE_RESPONSE);
        };
    }
}
