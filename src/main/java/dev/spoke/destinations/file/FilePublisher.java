package dev.spoke.destinations.file;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a finished partial file under its final name, atomically, and finishes the partial files that runs which
 * died left behind (their rows were committed as delivered, so they must reach a name a reader reads). A partial file
 * that holds nothing is deleted, never published: a run that delivered nothing leaves no file and replaces none.
 */
final class FilePublisher {
    private final FileSettings settings;

    FilePublisher(FileSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * Publishes {@code partial} as {@code target}: replacing it (overwrite, and only a file spoke created), else
     * only where no file is. On failure the partial file is closed and kept, rows and all.
     */
    void publish(DurableFile partial, Path target) throws IOException {
        try {
            if (partial.size() == 0) {
                partial.discard();
                return;
            }
            if (settings.overwrite() && !OwnerMark.ownsOrAbsent(target)) {
                throw new IOException(OwnerMark.notOwned(target) + "; the rows of this run wait in " + partial.path()
                        + "; " + OwnerMark.FIX);
            }
            if (!settings.overwrite() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(blocked(target, partial.path()));
            }
            if (!settings.path().perRun()) {
                OwnerMark.claim(target);
            }
            partial.closeAndMoveTo(target);
        } catch (IOException e) {
            try {
                partial.close();
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** Publishes every partial file of this path that no writer holds: those of runs that died. */
    void publishLeftovers() throws IOException {
        for (Path partial : leftovers()) {
            DurableFile file;
            try {
                file = DurableFile.open(partial);
            } catch (DurableFile.BusyException stillBeingWritten) {
                continue;
            }
            publish(file, finalNameOf(partial).orElseThrow());
        }
    }

    /** Why a partial file cannot be published: a file took its name first. */
    static String blocked(Path target, Path partial) {
        return target + " exists, and spoke does not replace it: the rows in " + partial + " (written before it"
                + " existed, and already counted as delivered) wait there; move " + target.getFileName() + " away and"
                + " the next run moves them under its name";
    }

    private List<Path> leftovers() throws IOException {
        Path folder = settings.path().folder();
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> entry.getFileName().toString().endsWith(FileSettings.PARTIAL_SUFFIX))) {
            for (Path entry : entries) {
                if (finalNameOf(entry).isPresent()) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return found;
    }

    /** The file a partial file of this path is published as, when it is one. */
    private Optional<Path> finalNameOf(Path partial) {
        String name = partial.getFileName().toString();
        String stripped = name.substring(0, name.length() - FileSettings.PARTIAL_SUFFIX.length());
        if (stripped.length() < 2) {
            return Optional.empty();
        }
        for (String candidate : List.of(stripped.substring(1), stripped)) {
            Path target = settings.path().folder().resolve(candidate);
            boolean ofThisPath = settings.path().perRun()
                    ? settings.path().isRunFileName(candidate) : target.equals(settings.path().path());
            if (ofThisPath && FileSettings.partialOf(target).equals(partial)) {
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }
}
