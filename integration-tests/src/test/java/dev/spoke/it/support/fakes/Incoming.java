package dev.spoke.it.support.fakes;

import java.util.List;

/**
 * What a {@link FaultyReceiver} script sees of a request before it answers.
 *
 * @param sequence 0 for the first request the receiver saw, then 1, 2, ...
 * @param webhookId the {@code webhook-id} header
 * @param attempt how many requests with this webhook-id the receiver has seen, this one included (1 for the first)
 * @param keys the row keys of the batch, in body order
 */
public record Incoming(int sequence, String webhookId, int attempt, List<String> keys) {
    public Incoming {
        keys = List.copyOf(keys);
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }
}
