package dev.spoke.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.ExitCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncReportTest {
    @Test
    void successAndWarningsExitZero() {
        assertThat(SyncReport.exitCodeOf(List.of(result(ExportStatus.SUCCESS, null), result(ExportStatus.WARN, null))))
                .isEqualTo(ExitCode.SUCCESS);
    }

    @Test
    void oneFailedExportMakesAPartialFailure() {
        assertThat(SyncReport.exitCodeOf(List.of(result(ExportStatus.SUCCESS, null), result(ExportStatus.ERROR, null))))
                .isEqualTo(ExitCode.PARTIAL_FAILURE);
    }

    @Test
    void aLockedExportOutranksAFailedOne() {
        assertThat(SyncReport.exitCodeOf(List.of(result(ExportStatus.ERROR, null),
                result(ExportStatus.SKIPPED, SkipReason.LOCKED)))).isEqualTo(ExitCode.LOCKED);
    }

    @Test
    void staleOnlyWhenEveryExportWasSkippedAsStale() {
        assertThat(SyncReport.exitCodeOf(List.of(result(ExportStatus.SKIPPED, SkipReason.STALE),
                result(ExportStatus.SKIPPED, SkipReason.STALE)))).isEqualTo(ExitCode.STALE);
        assertThat(SyncReport.exitCodeOf(List.of(result(ExportStatus.SKIPPED, SkipReason.STALE),
                result(ExportStatus.SUCCESS, null)))).isEqualTo(ExitCode.SUCCESS);
    }

    @Test
    void anInterruptionWins() {
        assertThat(SyncReport.exitCodeOf(List.of(result(ExportStatus.ERROR, null), result(ExportStatus.INTERRUPTED, null))))
                .isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void nothingSelectedIsASuccess() {
        assertThat(SyncReport.exitCodeOf(List.of())).isEqualTo(ExitCode.SUCCESS);
    }

    static ExportResult result(ExportStatus status, SkipReason reason) {
        return new ExportResult("people__hook", "model.t.people", "people", "hook", "webhook", "upsert", status, reason,
                status.jsonName(), RowCounts.ZERO, List.of(), List.of(), Duration.ofMillis(5));
    }
}
