/**
 * The delivery layer around every destination: retries with exponential backoff and full jitter, Retry-After and
 * rate-limit headers weighed against the run's time budget, a client-side rate limit and concurrency limit, a circuit
 * breaker, bisection of batches a destination refused whole, polling of asynchronous jobs, and a graceful stop.
 *
 * <p>Entry points: {@link dev.spoke.delivery.Deliverer} (one per connection and run; its Javadoc states the whole
 * policy), built from {@link dev.spoke.delivery.DeliverySettings} (spoke.yml {@code delivery:} and
 * {@code rate_limit:}) and a {@link dev.spoke.delivery.DeliveryContext} (clock, {@link dev.spoke.delivery.Sleeper},
 * {@link dev.spoke.delivery.StopSignal}, deadline, {@link dev.spoke.delivery.DeliveryListener}); and
 * {@link dev.spoke.delivery.HttpClients} for the connection's OkHttp client.
 *
 * <p>Knows the SPI ({@code dev.spoke.destination}) and nothing of warehouses, state or reports: it turns one batch
 * into an outcome per row, whatever it took, and never throws for a destination's failure. Committing outcomes,
 * rejection thresholds ({@code max_rejected_rows}, {@code max_rejected_percent}) and metrics belong to the engine.
 */
package dev.spoke.delivery;
