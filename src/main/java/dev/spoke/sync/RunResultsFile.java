package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import dev.spoke.dbt.RunResults;
import java.nio.file.Path;
import java.util.Optional;

/**
 * dbt's run_results.json as a sync reads it, beside the manifest it should describe.
 *
 * @param path the file
 * @param results what dbt's command did to each node
 * @param manifestInvocationId the manifest's {@code metadata.invocation_id}, or {@code null} when it has none
 */
public record RunResultsFile(Path path, RunResults results, String manifestInvocationId) {
    public RunResultsFile {
        requireNonNull(path, "path is null");
        requireNonNull(results, "results is null");
    }

    /** The dbt invocation that wrote the run results, or {@code "unknown"}. */
    public String invocationId() {
        return results.invocationId() == null ? "unknown" : results.invocationId();
    }

    /**
     * Why the run results do not describe the manifest's dbt command, when both name their invocation and the two
     * differ: then the statuses in the run results say nothing about the tables the manifest points to.
     */
    public Optional<String> invocationMismatch() {
        if (results.invocationId() == null || manifestInvocationId == null
                || results.invocationId().equals(manifestInvocationId)) {
            return Optional.empty();
        }
        return Optional.of("the manifest and " + path + " come from different dbt invocations (manifest "
                + manifestInvocationId + ", run results " + results.invocationId() + ")");
    }
}
