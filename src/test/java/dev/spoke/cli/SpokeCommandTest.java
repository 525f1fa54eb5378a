package dev.spoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpokeCommandTest {
    @Test
    void versionPrintsSpokesVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("spoke ");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ls", "validate", "schema", "plan", "sync", "state", "Exit codes:", "70");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"ls", "validate", "schema", "plan", "sync", "state"}) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: spoke " + command);
        }
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("sync", "--projectdir", ".");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--projectdir").contains("--project-dir");
    }

    @Test
    void aBadShardIsAConfigErrorBeforeAnythingRuns() {
        CliRun run = CliRun.of("sync", "--project-dir", "sample-dbt-project", "--shard", "3/2", "--select", "nothing");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("shard");
    }

    @Test
    void stateResetNeedsASelection() {
        CliRun run = CliRun.of("state", "reset", "--project-dir", "sample-dbt-project");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--select").contains("--all");
    }
}
