package dev.spoke.destinations.file;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Writes an export's rows to a local file, JSON Lines or CSV, one row per line (see {@link JsonLinesWriter} and
 * {@link CsvRowWriter}). Deletes are written as rows with op {@code delete}. Rows a consumer could read are never
 * destroyed by default, and a run that delivers nothing writes nothing: no file, no empty file, no touch.
 *
 * <h2>Durability</h2>
 * A write returns only after its rows are forced to disk, because the engine commits them as delivered right after.
 * A write interrupted by a crash is cut off when the file is next opened ({@link DurableFile}); its rows were not
 * committed and are sent again.
 *
 * <h2>Which file</h2>
 * <ul>
 *   <li>A new file (each run's own, with {@code {run_id}} or {@code {timestamp}} in its name, or the first file of
 *       a path appended to): rows go to a hidden partial file beside it ({@code .<name>.spoke-partial}), which
 *       {@link #close()} moves under the name atomically, never over a file that is there: a reader never sees half a
 *       file, and a crash leaves nothing under the final name.</li>
 *   <li>The file exists (a path without run placeholders): rows are appended to it, if spoke created it
 *       ({@link OwnerMark}).</li>
 *   <li>{@code overwrite: true}: rows go to the partial file, which {@link #close()} moves over the file (if spoke
 *       created it): the file holds the last run's change set only.</li>
 * </ul>
 * The engine closes a destination at the end of every run, a failed one too: the file then holds the rows that run
 * confirmed, which is what the state says was delivered. A process that dies before {@code close()} leaves its
 * partial file; the next run of the path finishes it ({@link FilePublisher#publishLeftovers()}), because its rows were
 * committed as delivered and would otherwise never reach a reader.
 *
 * <p>One writer at a time ({@link #maxConcurrency()} 1); calls are synchronized.
 */
public final class FileDestination implements Destination {
    static final int MAX_BATCH_SIZE = 5_000;

    private final FileSettings settings;
    private final Path target;
    private final RowFileWriter writer;
    private final FilePublisher publisher;
    private DurableFile file;
    private boolean writingPartial;
    private boolean openFailed;
    private boolean closed;

    /** @param target this run's file */
    FileDestination(FileSettings settings, Path target, RowFileWriter writer) {
        this.settings = requireNonNull(settings, "settings is null");
        this.target = requireNonNull(target, "target is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.publisher = new FilePublisher(settings);
    }

    @Override
    public synchronized WriteResult write(RowBatch batch) throws DestinationException {
        if (closed) {
            throw new IllegalStateException("the file destination for " + target + " is closed");
        }
        try {
            return writer.append(batch, file());
        } catch (IOException e) {
            throw DestinationException.fatal("could not write " + target + ": " + describe(e), -1);
        }
    }

    /**
     * Publishes the run's file (a new file, or overwrite) or closes it (append), then finishes the partial files of
     * runs that died. Idempotent. When opening the file already failed in a write (reported then), the files are left
     * as they were.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (openFailed) {
            return;
        }
        try {
            if (file != null && writingPartial) {
                publisher.publish(file, target);
            } else if (file != null) {
                file.close();
            }
            publisher.publishLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish " + target + ": " + describe(e), e);
        }
    }

    private DurableFile file() throws IOException {
        if (file == null) {
            try {
                file = open();
            } catch (IOException e) {
                openFailed = true;
                throw e;
            }
        }
        return file;
    }

    private DurableFile open() throws IOException {
        Path partial = FileSettings.partialOf(target);
        if (!settings.overwrite() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (settings.path().perRun()) {
                throw new IOException(target + " exists already: another run or export wrote it (runs of one export"
                        + " that start in the same millisecond, or exports that share the path); put {export} and"
                        + " {run_id} in the path");
            }
            if (!OwnerMark.owns(target)) {
                throw new IOException(OwnerMark.notOwned(target) + "; " + OwnerMark.FIX);
            }
            if (Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(FilePublisher.blocked(target, partial));
            }
            return DurableFile.openExisting(target);
        }
        if (!OwnerMark.ownsOrAbsent(target)) {
            throw new IOException(OwnerMark.notOwned(target) + "; " + OwnerMark.FIX);
        }
        writingPartial = true;
        return DurableFile.open(partial);
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH_SIZE;
    }

    @Override
    public int maxConcurrency() {
        return 1;
    }

    @Override
    public String toString() {
        return "FileDestination[" + target + ", " + settings.format()
                + (settings.overwrite() ? ", overwrite" : settings.path().perRun() ? ", per run" : ", append") + "]";
    }
}
