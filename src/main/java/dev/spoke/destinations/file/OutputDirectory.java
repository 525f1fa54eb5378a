package dev.spoke.destinations.file;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The project's output directory: where a path written in meta (an analyst's YAML, which dbt copies into the
 * manifest) resolves, and which it may not leave. It is the connection's {@code directory} when spoke.yml sets one
 * (absolute, or relative to the dbt project directory), else the dbt project directory. Only spoke.yml chooses other
 * roots: its {@code path} may be absolute or climb with {@code ..}; a meta path may not.
 *
 * <p>Checks read the file system (to follow symbolic links that exist already) and change nothing.
 *
 * @param path the directory, absolute and normalized; it need not exist yet
 */
record OutputDirectory(Path path) {
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_LINKS = 40;

    OutputDirectory {
        requireNonNull(path, "path is null");
    }

    /**
     * The connection's {@code directory} resolved against the project, or the project itself.
     *
     * @param directory the connection's directory option, when set
     */
    static OutputDirectory of(PathOption directory, Path projectDir) {
        Path project = projectDir.toAbsolutePath().normalize();
        if (directory == null) {
            return new OutputDirectory(project);
        }
        refuseUnexpandedHome(directory);
        if (directory.text().isBlank()) {
            throw directory.problem("is empty", "set it to the directory the files go in, or remove it to use the dbt"
                    + " project directory");
        }
        Path resolved;
        try {
            resolved = project.resolve(directory.text()).normalize();
        } catch (InvalidPathException e) {
            throw directory.problem("is not a valid path: " + e.getReason(), "write a directory path, e.g. out");
        }
        if (Files.exists(resolved) && !Files.isDirectory(resolved)) {
            throw directory.problem("is a file, not a directory", "name the directory the files go in");
        }
        return new OutputDirectory(resolved);
    }

    /** A path as written in spoke.yml: anything goes but {@code ~}, which nothing expands. */
    static void checkConnectionText(PathOption option) {
        refuseUnexpandedHome(option);
        refuseControlCharacters(option);
    }

    /**
     * A path as written in meta: relative, {@code /} between directories, no {@code ..} segment, so that it stays in
     * this directory as written, and no hidden file or directory ({@code .git/...}, {@code .env}).
     */
    void checkMetaText(PathOption option) {
        String text = option.text();
        String fix = "write it relative to the output directory " + path + " without '..', e.g. out/{export}.jsonl;"
                + " only spoke.yml may choose other directories (its path, or its directory option)";
        refuseControlCharacters(option);
        if (text.startsWith("~")) {
            throw option.problem("starts with ~", fix);
        }
        if (text.startsWith("/") || DRIVE_LETTER.matcher(text).matches()) {
            throw option.problem("is absolute", fix);
        }
        if (text.contains("\\")) {
            throw option.problem("has a backslash", "separate directories with /; " + fix);
        }
        for (String segment : text.split("/")) {
            if (segment.equals("..")) {
                throw option.problem("has a '..' segment", fix);
            }
        }
        for (String segment : text.split("/")) {
            if (segment.startsWith(".") && !segment.equals(".")) {
                throw option.problem("names a hidden file or directory (" + segment + ")", "choose a name that does"
                        + " not start with a dot; hidden files (.git, .env, spoke's own side files) are not for meta"
                        + " to write");
            }
        }
    }

    /**
     * Refuses {@code resolved} (a meta path, placeholders filled) when it leaves this directory, as written or once
     * the symbolic links that exist along it are followed.
     */
    void checkContains(Path resolved, PathOption option) {
        String fix = "write a path inside the output directory " + path + ", or set connections.<name>.directory in"
                + " spoke.yml to the directory meant";
        if (!resolved.startsWith(path)) {
            throw option.problem("resolves to " + resolved + ", outside the output directory " + path, fix);
        }
        Path real;
        Path realRoot;
        try {
            real = realPath(resolved, 0);
            realRoot = realPath(path, 0);
        } catch (IOException e) {
            throw option.problem("cannot be followed to a real path (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", fix);
        }
        if (!real.startsWith(realRoot)) {
            throw option.problem("leads, through a symbolic link, to " + real + ", outside the output directory "
                    + realRoot, fix);
        }
    }

    /**
     * The real path of the longest part of {@code path} that exists, with the rest appended as written; a symbolic
     * link to nothing (yet) is followed to where it points, since writing through it would create the file there.
     */
    private static Path realPath(Path path, int linksFollowed) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        Path rest = existing.relativize(path);
        if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            if (linksFollowed == MAX_LINKS) {
                throw new FileSystemException(existing.toString(), null, "too many levels of symbolic links");
            }
            Path pointee = existing.resolveSibling(Files.readSymbolicLink(existing)).normalize();
            return realPath(pointee.resolve(rest), linksFollowed + 1);
        }
        return existing.toRealPath().resolve(rest);
    }

    private static void refuseUnexpandedHome(PathOption option) {
        if (option.text().startsWith("~")) {
            throw option.problem("starts with ~, which spoke does not expand", "write the absolute path,"
                    + " e.g. /home/me/exports, or \"{{ env_var('HOME') }}/exports\"");
        }
    }

    private static void refuseControlCharacters(PathOption option) {
        if (CONTROL_CHARACTER.matcher(option.text()).find()) {
            throw option.problem("has a control character", "remove it");
        }
    }
}
