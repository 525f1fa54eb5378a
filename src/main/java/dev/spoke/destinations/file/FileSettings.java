package dev.spoke.destinations.file;

import static dev.spoke.destinations.file.FileDestinationFactory.DEFAULT_FORMAT;
import static dev.spoke.destinations.file.FileDestinationFactory.FORMAT;
import static dev.spoke.destinations.file.FileDestinationFactory.OVERWRITE;
import static dev.spoke.destinations.file.FileDestinationFactory.PATH;
import static java.util.Objects.requireNonNull;

import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.ExportDescriptor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file connection and export resolved: the target path with its placeholders filled in and made absolute against
 * the dbt project directory, the format, and whether each run replaces the file or appends to it.
 *
 * @param target the file a run's rows end up in
 * @param format {@code jsonl} or {@code csv}
 * @param overwrite true: each run replaces the file (rows go to a partial file published on close); false: append
 */
record FileSettings(Path target, String format, boolean overwrite) {
    static final String PARTIAL_SUFFIX = ".spoke-partial";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    FileSettings {
        requireNonNull(target, "target is null");
        requireNonNull(format, "format is null");
    }

    /** @throws IllegalArgumentException naming the option and the fix */
    static FileSettings from(DestinationSpec spec, Path projectDir) {
        boolean fromExport = spec.exportOptions().has(PATH);
        String option = fromExport
                ? "export '" + spec.export().exportId() + "': option " + PATH
                : "connection '" + spec.connectionName() + "': " + PATH;
        String text = (fromExport ? spec.exportOptions() : spec.connection()).string(PATH)
                .orElseThrow(() -> new IllegalArgumentException(option + " is required; set it to the file to write,"
                        + " e.g. out/{export}.jsonl"));
        Path target = resolve(text, spec.export(), projectDir, option);
        String format = spec.connection().string(FORMAT).orElse(DEFAULT_FORMAT);
        return new FileSettings(target, format, spec.connection().bool(OVERWRITE).orElse(true));
    }

    /** Where this run writes: the target itself when appending, else a partial file beside it. */
    Path writingPath() {
        return overwrite ? DurableFile.sidePath(target, PARTIAL_SUFFIX) : target;
    }

    private static Path resolve(String text, ExportDescriptor export, Path projectDir, String option) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(option + " is empty; set it to the file to write, e.g. out/{export}.jsonl");
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "export" -> export.exportId();
                case "model" -> export.modelName();
                default -> throw new IllegalArgumentException(option + " '" + text + "' has an unknown placeholder {"
                        + matcher.group(1) + "}; use {export} or {model}");
            };
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        Path target;
        try {
            target = projectDir.resolve(filled.toString()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a valid path: " + e.getReason());
        }
        if (target.getFileName() == null || text.endsWith("/") || Files.isDirectory(target)) {
            throw new IllegalArgumentException(option + " '" + text + "' is a directory; name the file,"
                    + " e.g. " + (text.endsWith("/") ? text : text + "/") + "{export}.jsonl");
        }
        return target;
    }
}
