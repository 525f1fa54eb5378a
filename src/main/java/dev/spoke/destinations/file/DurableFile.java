package dev.spoke.destinations.file;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A file rows are appended to durably. Every {@link #append} is forced to disk before it returns, and a side file
 * ({@code .<name>.spoke-length}) then records the length of the content confirmed so far. Opening the file again
 * after a crash cuts off whatever lies past that length: the tail of an append the crash interrupted, whose rows the
 * engine never committed and will send again. A clean {@link #close()} deletes the side file.
 *
 * <p>The side file is also locked while the file is open, so two writers (two processes, or two exports of one run
 * pointed at the same path) fail clearly instead of interleaving rows. Not thread-safe: its owner serializes calls.
 */
final class DurableFile implements Closeable {
    static final String LENGTH_SUFFIX = ".spoke-length";
    static final String REWRITE_SUFFIX = ".spoke-rewrite";
    private static final Pattern SIDE_FILE_NAME = Pattern.compile(".*\\.spoke-[a-z]+");

    /** Writes the whole new content of a file, for {@link #rewrite}. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path path;
    private final Path lengthPath;
    private final FileChannel lengthChannel;
    private final FileLock lock;
    private FileChannel data;
    private long confirmed;

    private DurableFile(Path path, Path lengthPath, FileChannel lengthChannel, FileLock lock, FileChannel data) {
        this.path = path;
        this.lengthPath = lengthPath;
        this.lengthChannel = lengthChannel;
        this.lock = lock;
        this.data = data;
    }

    /** Signals that another export or process holds the file open for writing. */
    static final class BusyException extends IOException {
        BusyException(Path path) {
            super(path + " is being written by another export or spoke process;"
                    + " give each export its own path, e.g. with {export} in the path");
        }
    }

    /** Opens (creating it and its directories if needed) and repairs the file; appends go to its end. */
    static DurableFile open(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        return open(path, CREATE, READ, WRITE);
    }

    /** Opens and repairs a file that exists; appends go to its end. */
    static DurableFile openExisting(Path path) throws IOException {
        return open(path, READ, WRITE);
    }

    private static DurableFile open(Path path, OpenOption... dataOptions) throws IOException {
        Path lengthPath = sidePath(path, LENGTH_SUFFIX);
        FileChannel lengthChannel = FileChannel.open(lengthPath, CREATE, READ, WRITE);
        try {
            FileLock lock = lock(lengthChannel, path);
            long recorded = readLength(lengthChannel);
            FileChannel data = FileChannel.open(path, dataOptions);
            if (recorded >= 0 && recorded < data.size()) {
                data.truncate(recorded);
            }
            endWithNewline(data);
            data.force(true);
            Files.deleteIfExists(sidePath(path, REWRITE_SUFFIX));
            DurableFile file = new DurableFile(path, lengthPath, lengthChannel, lock, data);
            file.recordLength(data.size());
            forceDirectory(path);
            return file;
        } catch (IOException | RuntimeException e) {
            lengthChannel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return confirmed;
    }

    /** Appends and forces the bytes; on failure the file is cut back to its confirmed length (best effort). */
    void append(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = confirmed;
        try {
            while (buffer.hasRemaining()) {
                position += data.write(buffer, position);
            }
            data.force(true);
        } catch (IOException e) {
            try {
                data.truncate(confirmed);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        recordLength(position);
    }

    /**
     * Replaces the whole content atomically: written to a side file, forced, then moved over the file. The length
     * recorded during the move covers both the old and the new content, so a crash on either side of the move
     * truncates nothing.
     */
    void rewrite(Content content) throws IOException {
        Path replacement = sidePath(path, REWRITE_SUFFIX);
        try (FileChannel channel = FileChannel.open(replacement, CREATE, WRITE, TRUNCATE_EXISTING);
             OutputStream out = Channels.newOutputStream(channel)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        long newLength = Files.size(replacement);
        recordLength(Math.max(confirmed, newLength));
        data.close();
        Files.move(replacement, path, ATOMIC_MOVE, REPLACE_EXISTING);
        forceDirectory(path);
        data = FileChannel.open(path, READ, WRITE);
        recordLength(newLength);
    }

    /** Closes the file and atomically moves it to {@code target}, replacing what was there. */
    void closeAndMoveTo(Path target) throws IOException {
        data.close();
        Files.move(path, target, ATOMIC_MOVE, REPLACE_EXISTING);
        forceDirectory(target);
        release();
    }

    /** Closes the file and deletes it: it holds nothing worth keeping. */
    void discard() throws IOException {
        data.close();
        Files.deleteIfExists(path);
        release();
    }

    /** Closes the file; it is whole, so the side file goes. */
    @Override
    public void close() throws IOException {
        data.close();
        release();
    }

    private void release() throws IOException {
        try {
            Files.deleteIfExists(lengthPath);
            lock.release();
        } finally {
            lengthChannel.close();
        }
    }

    private void recordLength(long length) throws IOException {
        byte[] text = String.format("%020d%n", length).getBytes(StandardCharsets.US_ASCII);
        lengthChannel.truncate(0);
        lengthChannel.write(ByteBuffer.wrap(text), 0);
        lengthChannel.force(true);
        confirmed = length;
    }

    /** The recorded length, or -1 when there is none (a new side file) or it cannot be read. */
    private static long readLength(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static FileLock lock(FileChannel channel, Path path) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new BusyException(path);
        }
        return lock;
    }

    /** A file left without a final newline (edited by hand) gets one, so the next row starts on its own line. */
    private static void endWithNewline(FileChannel data) throws IOException {
        long size = data.size();
        if (size == 0) {
            return;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        data.read(last, size - 1);
        if (last.get(0) != '\n') {
            data.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
        }
    }

    /** Forces the directory entry of a created or moved file, where the platform allows it (not on Windows). */
    static void forceDirectory(Path file) {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), READ)) {
            directory.force(true);
        } catch (IOException unsupported) {
            // Directories cannot be opened for sync on some platforms; the file content itself is forced.
        }
    }

    /**
     * Whether {@code name} is that of one of spoke's side files ({@code .spoke-length}, {@code .spoke-partial},
     * {@code .spoke-owner}, ...), which a path may not name.
     */
    static boolean isSideFileName(String name) {
        return SIDE_FILE_NAME.matcher(name).matches();
    }

    /** A hidden file beside {@code file}: {@code dir/name.csv} gives {@code dir/.name.csv<suffix>}. */
    static Path sidePath(Path file, String suffix) {
        String name = file.getFileName().toString();
        return file.resolveSibling((name.startsWith(".") ? name : "." + name) + suffix);
    }
}
