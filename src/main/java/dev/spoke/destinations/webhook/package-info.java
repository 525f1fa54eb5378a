/**
 * The {@code webhook} destination: each batch of an export is one JSON message POSTed to a user's URL, with
 * Standard Webhooks headers ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}), an IETF
 * {@code Idempotency-Key} equal to the webhook id, optional Bearer or Basic authentication and custom headers.
 * Answers become per-row outcomes (a 2xx body may reject named rows) or a classified
 * {@link dev.spoke.destination.DestinationException}. The package knows the SPI and HTTP; retries, rate limits and
 * bisection are the engine's.
 */
package dev.spoke.destinations.webhook;
