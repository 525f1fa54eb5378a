package dev.spoke.destinations.file;

import dev.spoke.destination.RowBatch;
import dev.spoke.destination.WriteResult;
import java.io.IOException;

/** Turns batches into lines of one file format and appends them to a {@link DurableFile}. */
interface RowFileWriter {

    /**
     * Appends every row of the batch it can encode, durably, and answers an outcome per row.
     *
     * @throws IOException when the file cannot be read or written; nothing of the batch is then confirmed
     */
    WriteResult append(RowBatch batch, DurableFile file) throws IOException;
}
