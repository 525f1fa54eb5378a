/**
 * The destination SPI: what a destination plugin implements and what the engine gives it.
 *
 * <p>A plugin is a {@link dev.spoke.destination.DestinationFactory} listed in
 * {@code META-INF/services/dev.spoke.destination.DestinationFactory} and found with {@link java.util.ServiceLoader}.
 * The factory declares its options as data ({@link dev.spoke.destination.OptionSpec}): one declaration drives
 * validation, secret masking, {@code spoke schema} and the reference docs. It validates a connection and an export's
 * options and returns a ready {@link dev.spoke.destination.Destination}, which turns a
 * {@link dev.spoke.destination.RowBatch} into requests and the answers into per-row
 * {@link dev.spoke.destination.RowOutcome}s. A row has its key twice: {@link dev.spoke.destination.RowKey}, the text
 * identity outcomes are matched by, and {@link dev.spoke.destination.OutgoingRow#keyValues()}, the same values with
 * the model's types, which is what a destination sends when it names the row (for deletes as for upserts).
 *
 * <p>The SPI knows nothing of warehouses, state or retries: the engine ({@code dev.spoke.sync}) and the delivery
 * layer ({@code dev.spoke.delivery}) own retries, rate limits, circuit breaking and bisection. A destination only says
 * whether a failure is retryable ({@link dev.spoke.destination.DestinationException.Kind}).
 */
package dev.spoke.destination;
