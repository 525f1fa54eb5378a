package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spoke.dbt.Manifest;
import dev.spoke.dbt.Model;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the exports of a dbt project: every enabled model whose meta declares {@code destinations} gives one
 * {@link Export} per entry, bound to its connection in spoke.yml and validated against the generated
 * {@link DestinationsSchema} and the destination types' declared options.
 *
 * <p>Every problem is collected before anything is reported: the connections of spoke.yml (each checked once), then
 * per model the literal secrets in its meta, the schema, the cross-checks of each entry, and the destination type's own
 * checks ({@link DestinationCheck}: what {@code create} would refuse). An entry with any problem gives no export; the
 * others still do, so {@code spoke ls} can show what is there while {@code spoke validate}
 * lists what to fix. A problem in a connection's options (a secret whose env var is not set) does not hold back the
 * exports that use it, since listing needs no secret; {@link ConnectionOptions#destinationSpec} refuses such a
 * connection when a destination is built.
 */
public final class ExportBinder {
    private static final Comparator<Export> ORDER = Comparator
            .comparing((Export export) -> export.model().displayName())
            .thenComparing(export -> export.model().uniqueId())
            .thenComparingInt(Export::entryIndex);

    private final SpokeConfig config;
    private final Map<String, DestinationFactory> factories;
    private final DestinationsValidator validator;
    private final ProblemCollector problems;
    private final DestinationCheck destinationCheck;
    private final ExportIds ids = new ExportIds();

    private ExportBinder(SpokeConfig config, DestinationRegistry registry, ProblemCollector problems,
            Path projectDir) {
        this.config = config;
        this.problems = problems;
        this.factories = ConnectionChecker.check(config, registry, problems);
        this.validator = new DestinationsValidator(DestinationsSchema.generate(registry, config), registry);
        this.destinationCheck = new DestinationCheck(projectDir, config.fileName(), problems);
    }

    /**
     * @param manifest the dbt project
     * @param config spoke.yml
     * @param registry the destination types
     * @return the exports of problem-free entries, and every problem of the manifest's entries and spoke.yml's
     *     connections
     */
    public static Discovery discover(Manifest manifest, SpokeConfig config, DestinationRegistry registry) {
        return discover(manifest, config, registry, List.of(), directoryOf(config));
    }

    /**
     * As {@link #discover(Manifest, SpokeConfig, DestinationRegistry)}, with the problems found reading spoke.yml
     * included, so that one list says everything; a place reported by the reader (a missing env var) is not reported
     * again (as a required option).
     */
    public static Discovery discover(Manifest manifest, SpokeConfigResult config, DestinationRegistry registry) {
        return discover(manifest, config.config(), registry, config.problems(), directoryOf(config.config()));
    }

    /**
     * As {@link #discover(Manifest, SpokeConfigResult, DestinationRegistry)}, with the dbt project directory the
     * destination types resolve relative paths against (what {@code sync} gives them).
     */
    public static Discovery discover(
            Manifest manifest, SpokeConfigResult config, DestinationRegistry registry, Path projectDir) {
        return discover(manifest, config.config(), registry, config.problems(),
                requireNonNull(projectDir, "projectDir is null"));
    }

    /** Where spoke.yml was read from, the project directory; the working directory for a config without a file. */
    private static Path directoryOf(SpokeConfig config) {
        Path file = config.file() == null ? null : config.file().toAbsolutePath().getParent();
        return file == null ? Path.of("").toAbsolutePath() : file;
    }

    private static Discovery discover(
            Manifest manifest, SpokeConfig config, DestinationRegistry registry, List<Problem> earlier,
            Path projectDir) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(config, "config is null");
        requireNonNull(registry, "registry is null");
        ProblemCollector problems = new ProblemCollector();
        problems.addAll(earlier);
        ExportBinder binder = new ExportBinder(config, registry, problems, projectDir);
        List<Export> exports = new ArrayList<>();
        for (Model model : manifest.enabledModels()) {
            JsonNode destinations = model.meta().get("destinations");
            if (destinations != null && !destinations.isNull()) {
                exports.addAll(binder.bindModel(model, destinations));
            }
        }
        exports.sort(ORDER);
        return new Discovery(exports, problems.sorted());
    }

    private List<Export> bindModel(Model model, JsonNode destinations) {
        SecretScanner.scan(model, problems);
        validator.validate(model, destinations).forEach(problems::add);
        if (!destinations.isArray()) {
            return List.of();
        }
        if (model.isEphemeral()) {
            problems.add("ephemeral-model", model.displayName(), model.propertiesFile(), MetaPath.DESTINATIONS,
                    "model " + model.displayName() + " is ephemeral: dbt inlines it into the models that select from"
                            + " it, so there is no table or view to read",
                    "Materialize it (config materialized: table, view or incremental), or export a model that"
                            + " selects from it");
        }
        List<String> entryIds = ExportIds.of(model, destinations);
        EntryBinder entries = new EntryBinder(model, config, factories, problems);
        List<Export> exports = new ArrayList<>();
        for (int index = 0; index < destinations.size(); index++) {
            JsonNode entry = destinations.get(index);
            if (!entry.isObject()) {
                continue;
            }
            String id = entryIds.get(index);
            if (id != null) {
                claim(id, model, index);
            }
            Optional<Export> export = entries.bind(index, entry, id);
            if (export.isPresent() && clean(model, index) && !model.isEphemeral()) {
                destinationCheck.check(export.get());
                if (clean(model, index)) {
                    exports.add(export.get());
                }
            }
        }
        return exports;
    }

    private boolean clean(Model model, int index) {
        return !problems.anyAtOrBelow(model.propertiesFile(), model.displayName(), MetaPath.entry(index));
    }

    private void claim(String id, Model model, int index) {
        ids.claim(id, model, index).ifPresent(owner -> problems.add("duplicate-export-id", model.displayName(),
                model.propertiesFile(), MetaPath.entry(index) + ".to",
                "this export's id '" + id + "' is already the id of " + owner,
                "Export ids come from model and connection names with every character outside [a-z0-9_] made _;"
                        + " rename the model or the connection so the two differ"));
    }
}
