package dev.spoke.destinations.file;

import static java.util.Objects.requireNonNull;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an export's rows to a local file, JSON Lines or CSV, one row per line (see {@link JsonLinesWriter} and
 * {@link CsvRowWriter}). Deletes are written as rows with op {@code delete}.
 *
 * <h2>Durability</h2>
 * A write returns only after its rows are forced to disk, because the engine commits them as delivered right after.
 * A write interrupted by a crash is cut off when the file is next opened ({@link DurableFile}); its rows were not
 * committed and are sent again.
 *
 * <h2>overwrite: true (default)</h2>
 * The file holds what one run wrote. Rows go to a hidden partial file beside the target ({@code .<name>.spoke-partial}),
 * which {@link #close()} moves over the target atomically: a reader never sees a half-written file, and a run that
 * wrote nothing leaves an empty file. The engine closes a destination at the end of every run, a failed one too: the
 * file then holds the rows that run confirmed, which is what the state says was delivered. A process that dies
 * before {@code close()} leaves its partial file; the next run continues it rather than starting afresh, because its
 * rows were committed as delivered and would otherwise never reach the target.
 *
 * <h2>overwrite: false</h2>
 * Rows are appended to the target across runs.
 *
 * <p>One writer at a time ({@link #maxConcurrency()} 1); calls are synchronized.
 */
public final class FileDestination implements Destination {
    static final int MAX_BATCH_SIZE = 5_000;

    private final FileSettings settings;
    private final RowFileWriter writer;
    private DurableFile file;
    private boolean openFailed;
    private boolean closed;

    FileDestination(FileSettings settings, RowFileWriter writer) {
        this.settings = requireNonNull(settings, "settings is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public synchronized WriteResult write(RowBatch batch) throws DestinationException {
        if (closed) {
            throw new IllegalStateException("the file destination for " + settings.target() + " is closed");
        }
        try {
            return writer.append(batch, file());
        } catch (IOException e) {
            throw DestinationException.fatal("could not write " + settings.target() + ": " + describe(e), -1);
        }
    }

    /**
     * Publishes the file (overwrite) or closes it (append). Idempotent. When opening the file already failed in a
     * write (reported then), there is nothing to publish and the target is left as it was.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean wroteRows = file != null;
        try {
            if (settings.overwrite() && !openFailed) {
                file().closeAndMoveTo(settings.target());
            } else if (file != null) {
                file.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish " + settings.target() + ": " + describe(e)
                    + (settings.overwrite() && wroteRows ? "; the rows written are kept in " + settings.writingPath()
                    + " and the next run publishes them" : ""), e);
        }
    }

    private DurableFile file() throws IOException {
        if (file == null) {
            try {
                file = DurableFile.open(settings.writingPath());
            } catch (IOException e) {
                openFailed = true;
                throw e;
            }
        }
        return file;
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
        return "FileDestination[" + settings.target() + ", " + settings.format()
                + (settings.overwrite() ? ", overwrite" : ", append") + "]";
    }
}
