package dev.spoke.it.support.fakes;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One request the {@link FaultyReceiver} saw, and how it answered.
 *
 * @param sequence 0 for the first request the receiver saw, then 1, 2, ...
 * @param receivedAt wall-clock time the request was read (spoke measures Retry-After HTTP-dates on the wall clock)
 * @param receivedNanos {@link System#nanoTime()} when the request was read, for measuring waits
 * @param webhookId the {@code webhook-id} header
 * @param idempotencyKey the {@code Idempotency-Key} header
 * @param attempt how many requests with this webhook-id the receiver had seen, this one included
 * @param keys the row keys of the batch, in body order
 * @param body the raw body
 * @param reply the answer
 */
public record ReceivedRequest(int sequence, Instant receivedAt, long receivedNanos, String webhookId,
        String idempotencyKey, int attempt, List<String> keys, String body, Reply reply) {

    public ReceivedRequest {
        requireNonNull(receivedAt, "receivedAt is null");
        keys = List.copyOf(keys);
        requireNonNull(body, "body is null");
        requireNonNull(reply, "reply is null");
    }

    /** Whether the receiver accepted the batch (a 2xx answer). */
    public boolean accepted() {
        return reply.accepted();
    }

    /** The keys this request got accepted at the receiver: none for a refusal, all but the rejections for a 2xx. */
    public Set<String> acceptedKeys() {
        if (!reply.accepted()) {
            return Set.of();
        }
        Set<String> rejected = reply.rejections().stream().map(Reply.Rejection::key).collect(Collectors.toSet());
        return keys.stream().filter(key -> !rejected.contains(key)).collect(Collectors.toSet());
    }
}
