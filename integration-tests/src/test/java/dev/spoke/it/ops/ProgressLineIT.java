package dev.spoke.it.ops;

import static dev.spoke.it.ops.SpokeProcess.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live progress line: drawn in place ({@code \r}, erase to end of line) on a terminal, here a pseudo-terminal
 * made by {@code script}; absent when spoke's output goes to pipes, as under an orchestrator.
 */
class ProgressLineIT {
    private static final String LINE = "\rorders -> out_files  ";

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        BouncerProject.in(dir)
                .spokeYml("connections:\n  out_files: { type: file, path: \"out/{export}.jsonl\" }\n")
                .export(BouncerProject.ORDERS, "[{\"to\": \"out_files\", \"key\": \"order_id_pk\"}]")
                .writeManifest()
                .ordersTable(2000, false);
    }

    @Test
    void aTerminalGetsTheProgressLineWithRowsOfTheTotalAndTheRate() throws Exception {
        SpokeProcess.Result run = SpokeProcess.runOnTerminal(dir, Map.of(), "sync");

        assertExit(run, 0);
        assertThat(run.stdout()).contains(LINE).contains(" of 2,000 rows (").contains(" rows/s")
                .contains("\r\u001b[K");
        assertThat(run.stdout()).contains("2,000 of 2,000 rows (100%)");
    }

    @Test
    void pipesGetNoProgressLineAndNoProgressSuppressesItOnATerminal() throws Exception {
        SpokeProcess.Result piped = SpokeProcess.run(dir, Map.of(), "sync", "--full-refresh");
        assertExit(piped, 0);
        assertThat(piped.all()).doesNotContain("rows/s").doesNotContain("\r").doesNotContain("\u001b[");

        SpokeProcess.Result quiet = SpokeProcess.runOnTerminal(dir, Map.of(), "sync", "--full-refresh",
                "--no-progress");
        assertExit(quiet, 0);
        assertThat(quiet.stdout()).doesNotContain("rows/s").doesNotContain(LINE);
    }
}
