package dev.spoke.destinations.file;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.ExportDescriptor;

/**
 * A path setting as written, and where: which export it serves, under which key, and whether it came from meta (an
 * analyst's YAML, held to the output directory) or from spoke.yml. Builds the messages of the problems found in it.
 *
 * @param subject the export it serves, e.g. {@code model customers, export customers__files}
 * @param key the key the text was written under, e.g. {@code connections.files.path}
 * @param text the text as written
 * @param fromMeta whether the text came from {@code meta.destinations[].options}
 */
record PathOption(String subject, String key, String text, boolean fromMeta) {
    static final String META_PATH_KEY = "meta.destinations[].options.path";

    PathOption {
        requireNonNull(subject, "subject is null");
        requireNonNull(key, "key is null");
        requireNonNull(text, "text is null");
    }

    static PathOption ofMeta(ExportDescriptor export, String text) {
        return new PathOption(subject(export), META_PATH_KEY, text, true);
    }

    static PathOption ofConnection(ExportDescriptor export, String connectionName, String option, String text) {
        return new PathOption(subject(export), "connections." + connectionName + "." + option, text, false);
    }

    /** A problem with this setting: {@code <subject>: <key> '<text>' <what>; <fix>}. */
    IllegalArgumentException problem(String what, String fix) {
        return new IllegalArgumentException(subject + ": " + key + " '" + text + "' " + what + "; " + fix);
    }

    private static String subject(ExportDescriptor export) {
        return "model " + export.modelName() + ", export " + export.exportId();
    }
}
