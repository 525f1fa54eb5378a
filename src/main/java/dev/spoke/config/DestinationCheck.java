package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.InvalidOptionException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs a destination type's own checks ({@link DestinationFactory#check}, the code {@code create} runs) on each bound
 * export, so that {@code spoke validate --offline} refuses what {@code spoke sync} would: header syntax, signing
 * secret formats, paths, options that exclude each other. Only exports whose connection options are valid are
 * checked: a missing env var or a bad option is already reported with the connection, once.
 *
 * <p>A refusal is reported where the user fixes it: an {@link InvalidOptionException} on the export side at
 * {@code meta.destinations[i].options.<option>} in the model's properties file; on the connection side at
 * {@code connections.<name>.<option>} in spoke.yml (once, however many exports use the connection); any other
 * {@link IllegalArgumentException} at {@code connections.<name>}, with the model it was found for.
 */
final class DestinationCheck {
    static final String CODE = "invalid-destination-config";

    private final Path projectDir;
    private final String spokeYml;
    private final ProblemCollector problems;

    DestinationCheck(Path projectDir, String spokeYml, ProblemCollector problems) {
        this.projectDir = requireNonNull(projectDir, "projectDir is null");
        this.spokeYml = requireNonNull(spokeYml, "spokeYml is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    /** Reports what the export's factory refuses in it, if anything. */
    void check(Export export) {
        Optional<DestinationSpec> spec = ConnectionOptions.destinationSpecIfValid(export);
        if (spec.isEmpty()) {
            return;
        }
        String connection = "connections." + export.connection().name();
        try {
            export.factory().check(spec.get(), projectDir);
        } catch (InvalidOptionException e) {
            if (e.side() == InvalidOptionException.Side.EXPORT) {
                problems.add(CODE, export.model().displayName(), export.model().propertiesFile(),
                        MetaPath.entry(export.entryIndex()) + ".options." + e.option(), e.getMessage(), null);
            } else {
                problems.add(CODE, null, spokeYml, connection + "." + e.option(), e.getMessage(), null);
            }
        } catch (IllegalArgumentException e) {
            problems.add(CODE, export.model().displayName(), spokeYml, connection, e.getMessage(), null);
        }
    }
}
