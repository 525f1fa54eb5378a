package dev.spoke.it.faults;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@code spoke sync} left behind: its exit code, the target/spoke_run_results.json it wrote (read back from
 * the file, as an orchestrator would) and its log.
 *
 * @param exitCode the process exit code (in process: the code {@code spoke sync} would exit with)
 * @param runResults the parsed spoke_run_results.json
 * @param log what the run logged
 */
record RunOutcome(int exitCode, JsonNode runResults, String log) {
    RunOutcome {
        requireNonNull(runResults, "runResults is null");
        requireNonNull(log, "log is null");
    }

    /** The result of the project's one export. */
    JsonNode result() {
        JsonNode results = runResults.path("results");
        if (results.size() != 1) {
            throw new AssertionError("expected one export in run results, got " + results + "\nlog:\n" + log);
        }
        return results.get(0);
    }

    String status() {
        return result().path("status").asText();
    }

    String message() {
        return result().path("message").asText();
    }

    /** A row count of the export: read, added, changed, removed, sent, delivered, rejected, invalid. */
    long rows(String count) {
        JsonNode value = result().path("rows").path(count);
        if (!value.isNumber()) {
            throw new AssertionError("run results have no rows." + count + ": " + result());
        }
        return value.asLong();
    }

    /** The export's row errors by key: key to reason. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : result().path("errors")) {
            errors.put(error.path("key").asText(), error.path("reason").asText());
        }
        return errors;
    }

    /** The run's id, also the run_id of its sync_log rows. */
    String invocationId() {
        return runResults.path("metadata").path("invocation_id").asText();
    }

    @Override
    public String toString() {
        return "exit code " + exitCode + ", " + result() + "\nlog:\n" + log;
    }
}
