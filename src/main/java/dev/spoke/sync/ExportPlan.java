package dev.spoke.sync;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.state.ChangeCounts;
import java.util.List;

/**
 * What a sync would do for one export, without doing it.
 *
 * @param exportId the export
 * @param modelName the model's display name
 * @param destination the connection
 * @param mode the mode's config name
 * @param counts the model compared with the destination's snapshot
 * @param toSend rows the mode would send (added and/or changed, plus deletes in mirror mode)
 * @param samples a few payloads as the destination would receive them
 * @param error why the export cannot be planned, or {@code null}
 */
public record ExportPlan(
        String exportId, String modelName, String destination, String mode, ChangeCounts counts, long toSend,
        List<ObjectNode> samples, String error) {
    public ExportPlan {
        requireNonNull(exportId, "exportId is null");
        samples = List.copyOf(samples);
    }
}
