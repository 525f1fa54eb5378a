package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What dbt's last command did to each node, from {@code run_results.json} (schema v4 to v6, and dbt Fusion): the
 * engine skips exports whose model failed or was skipped, and {@code result:<status>} selection reads it.
 *
 * @param schemaUrl e.g. {@code https://schemas.getdbt.com/dbt/run-results/v6.json}
 * @param schemaVersion the schema version number
 * @param dbtVersion the dbt that wrote it, or {@code null}
 * @param invocationId the dbt invocation, or {@code null}; equal to the manifest's when both come from one command
 * @param generatedAt ISO-8601 timestamp as written by dbt, or {@code null}
 * @param results one entry per node the command ran, in dbt's order
 */
public record RunResults(
        String schemaUrl,
        int schemaVersion,
        String dbtVersion,
        String invocationId,
        String generatedAt,
        List<NodeResult> results) {

    public RunResults {
        requireNonNull(schemaUrl, "schemaUrl is null");
        results = List.copyOf(results);
    }

    /** The result of one node, or empty when the command did not run it. Linear in the number of results. */
    public Optional<NodeResult> result(String uniqueId) {
        requireNonNull(uniqueId, "uniqueId is null");
        for (int i = results.size() - 1; i >= 0; i--) {
            if (results.get(i).uniqueId().equals(uniqueId)) {
                return Optional.of(results.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The result of one node in one dbt command.
     *
     * @param uniqueId the node, e.g. {@code model.jaffle_shop.customers}
     * @param status as dbt writes it: {@code success}, {@code error}, {@code skipped} for models; {@code pass},
     *     {@code fail}, {@code warn} for tests; ...
     * @param message dbt's message (e.g. {@code CREATE TABLE (42.0 rows)} or the error), or {@code null}
     * @param completedAt when the {@code execute} step completed (ISO-8601), or {@code null} when it did not run
     */
    public record NodeResult(String uniqueId, String status, String message, String completedAt) {
        public NodeResult {
            requireNonNull(uniqueId, "uniqueId is null");
            requireNonNull(status, "status is null");
        }

        /** True when dbt built the node: status {@code success} (models, seeds, snapshots) or {@code pass} (tests). */
        public boolean succeeded() {
            return status.equalsIgnoreCase("success") || status.equalsIgnoreCase("pass");
        }
    }
}
