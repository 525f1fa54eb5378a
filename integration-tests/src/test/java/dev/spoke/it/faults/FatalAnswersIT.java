package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Answers that no retry can fix (410 Gone, 401, 404, a redirect) stop the destination for the run after one request:
 * no retry, no redirect followed, the rows read so far reported as not sent with the receiver's answer, the rest not
 * read, nothing committed, the export failed (exit code 1). The next run tries again.
 */
class FatalAnswersIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({
            "410, the receiver asked for no more deliveries",
            "401, check the connection's credentials",
            "404, HTTP 404",
            "301, redirect to /hooks/moved not followed"})
    void stopsTheDestinationAfterOneRequest(int status, String reason) {
        FaultProject project = FaultProject.create(dir, 500);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.status(status, "{\"error\":\"no\"}")
                .withHeader("Location", "/hooks/moved"))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(10).rateLimit("concurrency", 1));

            RunOutcome run = project.sync();

            long sent = run.rows("sent");
            FaultAssertions.deferredCounts(project, run, "error", 1, sent, 0, sent);
            assertThat(sent).as("rows read: the batches in the pipeline when the answer came, not all 500")
                    .isBetween(10L, 100L);
            assertThat(run.message()).contains(reason).endsWith("; changes not read yet go next run");
            assertThat(receiver.requests()).as("requests: one, never retried, never redirected").hasSize(1);
            assertThat(project.snapshotKeys()).isEmpty();
        }
    }
}
