package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers that close kept-alive connections before spoke stops reusing them: a keep-alive timeout shorter than the
 * waits spoke makes (Node.js closes idle connections after 5s by default; a Retry-After is often longer), or a server
 * that silently closes every connection after answering. A request written into such a connection never reaches the
 * receiver; it must be sent again on a fresh connection, and must not count as the receiver failing: a throttling
 * receiver is up, and its circuit must stay closed.
 */
class StaleConnectionsIT {
    @TempDir
    Path dir;

    @Test
    void aThrottlingReceiverWithAShortKeepAliveIsNotTakenForDown() {
        FaultProject project = FaultProject.create(dir, 40);
        try (FaultyReceiver receiver = FaultyReceiver.start(
                request -> request.attempt() <= 2 ? Reply.throttled("1") : Reply.ok(), Duration.ofMillis(300))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10).delivery("max_attempts", 8)
                    .delivery("circuit_breaker_failures", 5));

            RunOutcome run = project.sync();
            counts(run, "success", 0, 40, 40, 0);
            deliveredExactly(project, receiver, project.allKeys());
            assertThat(receiver.requests()).as("two 429s and an accept per batch, nothing else").hasSize(12);
        }
    }

    @Test
    void deliversThroughAReceiverThatClosesEveryConnectionAfterAnswering() {
        FaultProject project = FaultProject.create(dir, 400);
        try (FaultyReceiver receiver = FaultyReceiver.start(
                request -> Reply.ok().withFault(Reply.Fault.CLOSE_AFTER_RESPONSE))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10));

            RunOutcome run = project.sync();

            counts(run, "success", 0, 400, 400, 0);
            deliveredExactly(project, receiver, project.allKeys());
            assertThat(receiver.requests()).as("one request per batch").hasSize(40);
        }
    }
}
