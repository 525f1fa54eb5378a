/**
 * The delivery layer around every destination: retries with exponential backoff and jitter, Retry-After and
 * rate-limit headers, a client-side rate limit and concurrency limit, a circuit breaker, bisection of batches a
 * destination refused whole, and polling of asynchronous jobs (Resilience4j over the destination SPI).
 *
 * <p>Knows the SPI ({@code dev.spoke.destination}) and nothing of warehouses or state: it turns one batch into
 * per-row outcomes, whatever it took.
 */
package dev.spoke.delivery;
