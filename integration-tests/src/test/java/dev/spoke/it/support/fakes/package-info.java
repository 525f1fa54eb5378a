/**
 * Scripted fake servers for integration tests. {@link dev.spoke.it.support.fakes.FaultyReceiver} is a webhook
 * receiver (an OkHttp MockWebServer) that answers each request from a script — throttling, server errors, slow or
 * broken responses, batch refusals, per-row rejections — and records what it saw, so tests can check on the receiver's
 * side what spoke sent, how often, and how long it waited.
 */
package dev.spoke.it.support.fakes;
