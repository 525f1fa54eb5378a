package dev.spoke.destination;

/**
 * A destination ready to receive the rows of one export.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>{@link DestinationFactory#create} returns it with validated options; it may have opened nothing yet.</li>
 *   <li>The engine calls {@link #write(RowBatch)} once per batch, then {@link #poll(PendingJob)} for any job a write
 *       started (in this run, or in an earlier run that stopped before the job ended).</li>
 *   <li>The engine calls {@link #close()} once, after the last write or poll, also when the run fails or is
 *       interrupted. {@code close()} releases what the destination opened (files, sessions); it must not send
 *       rows.</li>
 * </ol>
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent calls to {@code write} and {@code poll} from several threads: the
 * delivery layer may send several batches of one export at once, up to the connection's concurrency limit. A
 * destination that cannot write concurrently (the file destination) declares {@link #maxConcurrency()} 1.
 *
 * <h2>Failures</h2>
 * {@code write} answers per-row outcomes in its {@link WriteResult}, keyed by {@link RowKey}, including rows refused
 * inside a successful response. It throws {@link DestinationException} only when the write failed as a whole, with
 * a {@link DestinationException.Kind} saying whether to retry, bisect or stop. Retries, backoff, rate limits and
 * bisection are the engine's job, never the destination's.
 */
public interface Destination extends AutoCloseable {

    /**
     * Sends one batch.
     *
     * @param batch rows of one operation class (deletes are never mixed with other rows), keys unique
     * @return an outcome per row, or a job that will report them
     * @throws DestinationException when the write failed as a whole
     */
    WriteResult write(RowBatch batch) throws DestinationException;

    /**
     * Checks an asynchronous job that {@link #write} started. Only destinations whose writes return a
     * {@link PendingJob} implement it.
     *
     * @throws DestinationException when the job's status cannot be read
     */
    default JobStatus poll(PendingJob job) throws DestinationException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not start jobs");
    }

    /** The most rows one write may carry: the API's limit, or the batch size the user set below it. */
    int maxBatchSize();

    /** How many writes may run at once. The engine may use fewer (the connection's concurrency limit). */
    default int maxConcurrency() {
        return 1;
    }

    /** Releases what the destination opened. Never sends rows; never throws for a clean close. */
    @Override
    default void close() {
    }
}
