package dev.spoke.destinations.file;

import static dev.spoke.destinations.file.FileDestinationFactory.DEFAULT_FORMAT;
import static dev.spoke.destinations.file.FileDestinationFactory.DIRECTORY;
import static dev.spoke.destinations.file.FileDestinationFactory.FORMAT;
import static dev.spoke.destinations.file.FileDestinationFactory.OVERWRITE;
import static dev.spoke.destinations.file.FileDestinationFactory.PATH;
import static java.util.Objects.requireNonNull;

import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.ExportDescriptor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A file connection and export resolved and checked: where the files go, the format, and whether a run replaces
 * the file. Every check {@code sync} makes on these settings is made here, by {@link #from}, which
 * {@link FileDestinationFactory#check} ({@code spoke validate --offline}) and {@link FileDestinationFactory#create}
 * both call; it reads the file system (symbolic links, files that exist) and changes nothing.
 *
 * @param path the file, or each run's file, with {@code {export}} and {@code {model}} filled in
 * @param format {@code jsonl} or {@code csv}
 * @param overwrite true: a run that delivers rows replaces the file with them; false: each run writes a file of its
 *     own ({@code {run_id}}, {@code {timestamp}}) or appends to the one file
 */
record FileSettings(PathTemplate path, String format, boolean overwrite) {
    static final String PARTIAL_SUFFIX = ".spoke-partial";

    FileSettings {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
    }

    /** @throws IllegalArgumentException naming the export, the option and the fix */
    static FileSettings from(DestinationSpec spec, Path projectDir) {
        ExportDescriptor export = spec.export();
        String connection = spec.connectionName();
        OutputDirectory output = OutputDirectory.of(spec.connection().string(DIRECTORY)
                .map(text -> PathOption.ofConnection(export, connection, DIRECTORY, text)).orElse(null), projectDir);
        PathOption option = spec.exportOptions().string(PATH).map(text -> PathOption.ofMeta(export, text))
                .or(() -> spec.connection().string(PATH)
                        .map(text -> PathOption.ofConnection(export, connection, PATH, text)))
                .orElseThrow(() -> new IllegalArgumentException("model " + export.modelName() + ", export "
                        + export.exportId() + ": connections." + connection + "." + PATH + " is required; set it to"
                        + " the file to write, e.g. out/{export}/{timestamp}.jsonl"));
        if (option.text().isBlank()) {
            throw option.problem("is empty", "set it to the file to write, e.g. out/{export}/{timestamp}.jsonl");
        }
        if (option.fromMeta()) {
            output.checkMetaText(option);
        } else {
            OutputDirectory.checkConnectionText(option);
        }
        PathTemplate template = PathTemplate.parse(option, export, output.path());
        checkNamesAFile(option, template);
        if (option.fromMeta()) {
            output.checkContains(template.perRun() ? template.folder() : template.path(), option);
        }
        boolean overwrite = spec.connection().bool(OVERWRITE).orElse(false);
        if (overwrite && template.perRun()) {
            throw option.problem("gives each run a file of its own, which connections." + connection + "."
                    + OVERWRITE + ": true would replace", "remove {run_id} and {timestamp} from the path, or remove "
                    + OVERWRITE + ": true");
        }
        if (!template.perRun() && !OwnerMark.ownsOrAbsent(template.path())) {
            throw option.problem("names a file that is not spoke's: " + OwnerMark.notOwned(template.path()),
                    OwnerMark.FIX);
        }
        return new FileSettings(template, spec.connection().string(FORMAT).orElse(DEFAULT_FORMAT), overwrite);
    }

    /** The hidden file a new file is written to before it is moved under its name. */
    static Path partialOf(Path target) {
        return DurableFile.sidePath(target, PARTIAL_SUFFIX);
    }

    private static void checkNamesAFile(PathOption option, PathTemplate template) {
        String text = option.text();
        if (text.endsWith("/") || Files.isDirectory(template.path(), LinkOption.NOFOLLOW_LINKS)) {
            throw option.problem("is a directory", "name the file, e.g. " + (text.endsWith("/") ? text : text + "/")
                    + "{export}.jsonl");
        }
        if (DurableFile.isSideFileName(template.fileName())) {
            throw option.problem("names one of spoke's own side files (.spoke-*)", "choose another file name");
        }
    }
}
