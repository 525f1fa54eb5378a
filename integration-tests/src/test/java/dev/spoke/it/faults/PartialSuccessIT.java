package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static dev.spoke.it.faults.FaultAssertions.nothingLost;
import static dev.spoke.it.faults.FaultAssertions.rejectedExactly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.Incoming;
import dev.spoke.it.support.fakes.ReceivedRequest;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 6: 200 answers that name some rows as refused ({@code {"rejected":[...]}}). Exactly those rows are rejected,
 * each with the receiver's reason: refused for good (5, 99), refused as retryable on every try (77: spoke re-sends it
 * alone until max_attempts, then gives up), or refused as retryable once (30: the re-send is accepted). A rejection
 * naming a key that is not in the batch changes nothing.
 */
class PartialSuccessIT {
    @TempDir
    Path dir;

    @Test
    void rejectsExactlyTheRowsTheReceiverNamed() {
        FaultProject project = FaultProject.create(dir, 100);
        try (FaultyReceiver receiver = FaultyReceiver.start(partialAnswers())) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(25).delivery("max_attempts", 4));

            RunOutcome run = project.sync();

            counts(run, "warn", 0, 100, 97, 3);
            Set<String> good = new LinkedHashSet<>(project.allKeys());
            good.removeAll(List.of("5", "77", "99"));
            deliveredExactly(project, receiver, good);
            rejectedExactly(project, run, Map.of(
                    "5", "unknown customer",
                    "99", "email address is malformed",
                    "77", "mailbox locked, try later (gave up after 4 attempts)"));
            nothingLost(project, run);
            List<ReceivedRequest> alone77 = receiver.requests().stream()
                    .filter(request -> request.keys().equals(List.of("77"))).toList();
            assertThat(alone77).as("re-sends of the row refused as retryable").hasSize(3);
            assertThat(receiver.requests().stream().filter(request -> request.keys().equals(List.of("30"))))
                    .as("the one re-send of row 30").hasSize(1);
        }
    }

    private static FaultyReceiver.Script partialAnswers() {
        Map<String, Integer> timesSeen = new ConcurrentHashMap<>();
        return (Incoming request) -> {
            request.keys().forEach(key -> timesSeen.merge(key, 1, Integer::sum));
            List<Reply.Rejection> rejections = new ArrayList<>();
            if (request.contains("5")) {
                rejections.add(new Reply.Rejection("5", "unknown customer", false));
                rejections.add(new Reply.Rejection("1000", "not in this batch at all", false));
            }
            if (request.contains("99")) {
                rejections.add(new Reply.Rejection("99", "email address is malformed", false));
            }
            if (request.contains("77")) {
                rejections.add(new Reply.Rejection("77", "mailbox locked, try later", true));
            }
            if (request.contains("30") && timesSeen.get("30") == 1) {
                rejections.add(new Reply.Rejection("30", "busy, try again", true));
            }
            return Reply.rejecting(rejections);
        };
    }
}
