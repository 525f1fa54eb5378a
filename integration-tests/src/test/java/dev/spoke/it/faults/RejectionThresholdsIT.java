package dev.spoke.it.faults;

import static dev.spoke.it.faults.FaultAssertions.counts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.fakes.FaultyReceiver;
import dev.spoke.it.support.fakes.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Case 9: {@code delivery.max_rejected_rows} and {@code max_rejected_percent} turn rejections into a failed export
 * (status error, exit code 1) once there are more than allowed; at or under the limit the export only warns (exit
 * code 0). The receiver refuses 5 of 100 rows.
 */
class RejectionThresholdsIT {
    private static final Set<String> REFUSED = Set.of("3", "14", "15", "92", "65");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "max_rejected_rows, 4, error, 1",
            "max_rejected_rows, 5, warn, 0",
            "max_rejected_percent, 4.5, error, 1",
            "max_rejected_percent, 5, warn, 0"})
    void failsTheExportOnlyAboveTheThreshold(String setting, String limit, String status, int exitCode) {
        FaultProject project = FaultProject.create(dir, 100);
        try (FaultyReceiver receiver = FaultyReceiver.start(request -> Reply.rejecting(request.keys().stream()
                .filter(REFUSED::contains).map(key -> new Reply.Rejection(key, "do not contact", false)).toList()))) {
            project.configure(HookConfig.webhook(receiver.url()).batchSize(50)
                    .delivery(setting, limit.contains(".") ? Double.parseDouble(limit) : Integer.parseInt(limit)));

            RunOutcome run = project.sync();

            counts(run, status, exitCode, 100, 95, 5);
            assertThat(run.errors().keySet()).containsExactlyInAnyOrderElementsOf(REFUSED);
            assertThat(project.syncLogErrors(run.invocationId()).keySet()).containsExactlyInAnyOrderElementsOf(REFUSED);
            assertThat(project.snapshotKeys()).hasSize(95).doesNotContainAnyElementsOf(REFUSED);
            if (status.equals("error")) {
                assertThat(run.message()).contains(setting);
            }
            assertThat(receiver.requests()).extracting(request -> request.keys().size()).isEqualTo(List.of(50, 50));
        }
    }
}
