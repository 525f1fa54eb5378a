package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static dev.spoke.it.faults.FaultAssertions.deliveredExactly;
import static dev.spoke.it.faults.FaultAssertions.nothingLost;
import static dev.spoke.it.faults.FaultAssertions.rejectedExactly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case 5: one poison row in a batch of 100. The receiver answers 422 to any batch that holds it; spoke bisects the
 * batch down to that row, delivers the other 99, reports the one with the receiver's reason, and needs only about
 * 2 log2(100) requests to find it. A batch refused whole for its size (413) is halved until it fits.
 */
class PoisonRowIT {
    private static final String POISON = "37";
    private static final String REASON = "{\"error\":\"email of contact 37 bounces permanently\"}";

    @TempDir
    Path dir;

    @Test
    void bisectsTheBatchDownToThePoisonRowAndDeliversTheOthers() {
        FaultProject project = FaultProject.create(dir, 100);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> request.contains(POISON)
                ? Reply.status(422, REASON) : Reply.ok())) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(100));

            RunOutcome run = project.sync();

            counts(run, "warn", 0, 100, 99, 1);
            Set<String> good = new LinkedHashSet<>(project.allKeys());
            good.remove(POISON);
            deliveredExactly(project, receiver, good);
            rejectedExactly(project, run, Map.of(POISON, "HTTP 422: " + REASON));
            nothingLost(project, run);
            int requests = receiver.requests().size();
            int bound = 1 + 2 * (int) Math.ceil(Math.log(100) / Math.log(2));
            assertThat(requests).as("requests to isolate one row among 100").isBetween(8, bound);
            assertThat(receiver.requests().get(0).keys()).as("the first request carries the whole batch").hasSize(100);
        }
    }

    @Test
    void aBatchTooLargeLowersTheBatchSizeForTheRestOfTheRun() {
        FaultProject project = FaultProject.create(dir, 300);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> request.keys().size() > 30
                ? Reply.status(413, "{\"error\":\"payload too large\"}") : Reply.ok())) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(100).rateLimit("concurrency", 1));

            RunOutcome run = project.sync();

            counts(run, "success", 0, 300, 300, 0);
            deliveredExactly(project, receiver, project.allKeys());
            assertThat(receiver.requests()).extracting(request -> request.keys().size())
                    .as("100 refused, 50 refused, then batches of 25 only: none refused again")
                    .containsExactly(100, 50, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25);
        }
    }
}
