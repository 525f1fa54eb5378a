package dev.spoke.destinations.file;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.InvalidOptionException;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.SyncMode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code file} destination type: writes an export's rows to a local JSON Lines or CSV file, for offline use,
 * hand-offs to other tools and the quickstart. Supports every sync mode (see {@link FileDestination}).
 */
public final class FileDestinationFactory implements DestinationFactory {
    static final String PATH = "path";
    static final String FORMAT = "format";
    static final String OVERWRITE = "overwrite";
    static final String DIRECTORY = "directory";
    static final String JSONL = "jsonl";
    static final String CSV = "csv";
    static final String DEFAULT_FORMAT = JSONL;

    private static final String PLACEHOLDERS = "{export} and {model} are replaced by the export id and the model"
            + " name (each made one safe path segment); {run_id} and {timestamp} (the run's start, UTC, e.g."
            + " 20261204T093000.123Z), allowed in the file name only, give each run a file of its own";
    private static final List<OptionSpec> CONNECTION_OPTIONS = List.of(
            OptionSpec.string(PATH).required().describedAs("The file to write, relative to the output directory, or"
                    + " absolute; " + PLACEHOLDERS + ". Without {run_id} or {timestamp}, runs append to one file"),
            OptionSpec.string(DIRECTORY).describedAs("The output directory: relative paths resolve against it, and"
                    + " a path set in meta (options.path) must stay inside it. Absolute, or relative to the dbt"
                    + " project directory; default: the dbt project directory"),
            OptionSpec.oneOf(FORMAT, JSONL, CSV).withDefault(DEFAULT_FORMAT)
                    .describedAs("jsonl (one JSON object per line) or csv (a header, nested fields flattened with dots)"),
            OptionSpec.bool(OVERWRITE).withDefault(false)
                    .describedAs("true: the file holds the last run's change set only (a run that delivers rows"
                            + " replaces it; one that delivers none leaves it); false: each run writes its own file,"
                            + " or appends to the one file"));
    private static final List<OptionSpec> EXPORT_OPTIONS = List.of(
            OptionSpec.string(PATH).describedAs("The file to write for this export, instead of the connection's path:"
                    + " relative to the output directory, which it may not leave (no absolute path, no '..'); "
                    + PLACEHOLDERS));

    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "Writes changed rows to a local JSON Lines or CSV file";
    }

    @Override
    public List<OptionSpec> connectionOptions() {
        return CONNECTION_OPTIONS;
    }

    @Override
    public List<OptionSpec> exportOptions() {
        return EXPORT_OPTIONS;
    }

    @Override
    public Set<SyncMode> supportedModes() {
        return EnumSet.allOf(SyncMode.class);
    }

    /** Every check {@link FileSettings} makes is about the path: reported on the side that sets it. */
    @Override
    public void check(DestinationSpec spec, Path projectDir) {
        requireNonNull(spec, "spec is null");
        requireNonNull(projectDir, "projectDir is null");
        try {
            FileSettings.from(spec, projectDir);
        } catch (InvalidOptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw spec.exportOptions().has(PATH) ? InvalidOptionException.export(PATH, e.getMessage(), e)
                    : InvalidOptionException.connection(PATH, e.getMessage(), e);
        }
    }

    @Override
    public Destination create(DestinationSpec spec, DestinationContext context) {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        FileSettings settings = FileSettings.from(spec, context.projectDir());
        Path target = settings.path().target(context.runId(), context.runStarted());
        RowFileWriter writer = switch (settings.format()) {
            case JSONL -> new JsonLinesWriter(context.json());
            case CSV -> new CsvRowWriter(context.json());
            default -> throw new IllegalArgumentException("connection '" + spec.connectionName() + "': " + FORMAT
                    + " '" + settings.format() + "' is not one of " + JSONL + " | " + CSV);
        };
        return new FileDestination(settings, target, writer);
    }
}
