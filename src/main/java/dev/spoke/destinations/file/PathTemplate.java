package dev.spoke.destinations.file;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.ExportDescriptor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file path with its placeholders. {@code {export}} and {@code {model}} are filled in when the settings are read,
 * each value made one safe path segment ({@link #segment}); {@code {run_id}} and {@code {timestamp}} are left for the
 * run ({@link #target}) and may appear in the file name only, so that every run's file of an export lies in one
 * directory, where the next run finds a file a crashed run left unfinished ({@link #isRunFileName}).
 *
 * @param folder the absolute, normalized directory the file goes in
 * @param fileName the file name, still holding {@code {run_id}} and {@code {timestamp}} where written
 */
record PathTemplate(Path folder, String fileName) {
    static final String RUN_ID = "{run_id}";
    static final String TIMESTAMP = "{timestamp}";
    /** UTC, sortable as text, safe in a file name on every platform: {@code 20261204T093000.123Z}. */
    static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern UNSAFE_CHARACTER = Pattern.compile("[^\\p{L}\\p{M}\\p{N}_.-]");
    private static final Pattern DOTS = Pattern.compile("\\.{2,}");
    private static final String TIMESTAMP_REGEX = "\\d{8}T\\d{6}\\.\\d{3}Z";
    private static final String SEGMENT_REGEX = "[\\p{L}\\p{M}\\p{N}_.-]+";

    PathTemplate {
        requireNonNull(folder, "folder is null");
        requireNonNull(fileName, "fileName is null");
    }

    /**
     * Fills in {@code {export}} and {@code {model}} and resolves the path against {@code base}.
     *
     * @throws IllegalArgumentException for an unknown placeholder, a run placeholder outside the file name, or text
     *     that is not a path
     */
    static PathTemplate parse(PathOption option, ExportDescriptor export, Path base) {
        Matcher matcher = PLACEHOLDER.matcher(option.text());
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "export" -> segment(export.exportId());
                case "model" -> segment(export.modelName());
                case "run_id", "timestamp" -> matcher.group();
                default -> throw option.problem("has an unknown placeholder {" + matcher.group(1) + "}",
                        "use {export}, {model}, {run_id} or {timestamp}");
            };
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        Path resolved;
        try {
            resolved = base.resolve(filled.toString()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw option.problem("is not a valid path: " + e.getReason(), "write a file path, e.g. out/{export}.jsonl");
        }
        if (resolved.getFileName() == null) {
            throw option.problem("is a directory", "name the file, e.g. out/{export}.jsonl");
        }
        String folder = resolved.getParent().toString();
        if (folder.contains(RUN_ID) || folder.contains(TIMESTAMP)) {
            throw option.problem("has {run_id} or {timestamp} in a directory name",
                    "put them in the file name, so every run's file of an export lies in one directory, e.g."
                            + " out/{export}/{timestamp}.jsonl");
        }
        return new PathTemplate(resolved.getParent(), resolved.getFileName().toString());
    }

    /**
     * A value as one path segment that stays where it is put: characters other than letters, digits, {@code _},
     * {@code .} and {@code -} (separators, control characters, spaces) become {@code _}, as do runs of dots and a
     * leading dot, so a value is never {@code ..}, never hidden and never empty.
     */
    static String segment(String value) {
        String safe = DOTS.matcher(UNSAFE_CHARACTER.matcher(value).replaceAll("_")).replaceAll("_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        return safe.isEmpty() ? "_" : safe;
    }

    /** Whether each run writes a file of its own: the file name holds {@code {run_id}} or {@code {timestamp}}. */
    boolean perRun() {
        return fileName.contains(RUN_ID) || fileName.contains(TIMESTAMP);
    }

    /** The file of one run. */
    Path target(String runId, Instant runStarted) {
        return folder.resolve(fileName.replace(RUN_ID, segment(runId))
                .replace(TIMESTAMP, TIMESTAMP_FORMAT.format(runStarted)));
    }

    /** The file when the name holds no run placeholder; the directory-and-name template otherwise (for messages). */
    Path path() {
        return folder.resolve(fileName);
    }

    /** Whether {@code name} is the file name of some run under this template. */
    boolean isRunFileName(String name) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = Pattern.compile(Pattern.quote(RUN_ID) + "|" + Pattern.quote(TIMESTAMP)).matcher(fileName);
        int literalStart = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(fileName.substring(literalStart, matcher.start())))
                    .append(matcher.group().equals(RUN_ID) ? SEGMENT_REGEX : TIMESTAMP_REGEX);
            literalStart = matcher.end();
        }
        regex.append(Pattern.quote(fileName.substring(literalStart)));
        return name.matches(regex.toString());
    }
}
