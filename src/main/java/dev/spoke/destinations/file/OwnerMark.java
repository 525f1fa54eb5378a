package dev.spoke.destinations.file;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The hidden file {@code .<name>.spoke-owner} beside a file spoke created, which says so. spoke appends to, or
 * replaces, only a file that has one: a file someone else put at the path (dbt_project.yml, a seed, a hand-made
 * export, a symbolic link) is never touched, whoever wrote the path. The mark is forced to disk before the file it
 * marks is moved under its name, so a crash can leave a mark without its file (harmless: the next run creates the
 * file) but never spoke's file without its mark. Files of their own per run are never appended to or replaced, so
 * they need no mark.
 */
final class OwnerMark {
    static final String SUFFIX = ".spoke-owner";

    private OwnerMark() {
    }

    /** Whether {@code file} is a regular file (not a link) that spoke created. */
    static boolean owns(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(markOf(file), LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether {@code file} may be replaced: it does not exist, or spoke created it. */
    static boolean ownsOrAbsent(Path file) {
        return !Files.exists(file, LinkOption.NOFOLLOW_LINKS) || owns(file);
    }

    /** Marks {@code file} (which need not exist yet) as spoke's, durably. */
    static void claim(Path file) throws IOException {
        Path mark = markOf(file);
        byte[] text = ("spoke created " + file.getFileName() + " and may append to it or replace it; delete this file"
                + " when you delete that one\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(mark, CREATE, WRITE, TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(text));
            channel.force(true);
        }
        DurableFile.forceDirectory(mark);
    }

    /** What to do about a file spoke did not create. */
    static final String FIX = "spoke never appends to or replaces a file it did not create: move that file away, or"
            + " set the path to another file, e.g. with {timestamp} in its name";

    /** Why spoke will not write {@code file}: {@code <file> exists and spoke did not create it (...)}. */
    static String notOwned(Path file) {
        return file + " exists and spoke did not create it (there is no " + markOf(file).getFileName() + " beside it)";
    }

    static Path markOf(Path file) {
        return DurableFile.sidePath(file, SUFFIX);
    }
}
