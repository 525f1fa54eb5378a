package dev.spoke.it.faults;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one connection ({@code hook}) a fault-injection project's spoke.yml declares: its type, URL, batch size and
 * {@code delivery:} / {@code rate_limit:} blocks. Backoffs are tiny by default (10ms, at most 200ms) so the suite runs
 * fast; each test sets what its fault needs.
 *
 * @param type the destination type ({@code webhook}, or a test-only type)
 * @param url the receiver's URL
 * @param batchSize the webhook's {@code batch_size}
 * @param delivery the {@code delivery:} block
 * @param rateLimit the {@code rate_limit:} block
 */
record HookConfig(String type, String url, int batchSize, Map<String, Object> delivery, Map<String, Object> rateLimit) {
    static final String CONNECTION = "hook";

    HookConfig {
        requireNonNull(type, "type is null");
        requireNonNull(url, "url is null");
        delivery = Map.copyOf(delivery);
        rateLimit = Map.copyOf(rateLimit);
    }

    /** A webhook connection to {@code url}: 100 rows per batch, backoff from 10ms up to 200ms. */
    static HookConfig webhook(String url) {
        return new HookConfig("webhook", url, 100, Map.of("initial_backoff", "10ms", "max_backoff", "200ms"), Map.of());
    }

    HookConfig batchSize(int rows) {
        return new HookConfig(type, url, rows, delivery, rateLimit);
    }

    HookConfig delivery(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(delivery);
        more.put(key, value);
        return new HookConfig(type, url, batchSize, more, rateLimit);
    }

    HookConfig rateLimit(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(rateLimit);
        more.put(key, value);
        return new HookConfig(type, url, batchSize, delivery, more);
    }

    HookConfig type(String newType) {
        return new HookConfig(newType, url, batchSize, delivery, rateLimit);
    }

    /** The connection as spoke.yml holds it. */
    Map<String, Object> toYaml() {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("type", type);
        if (type.equals("webhook")) {
            connection.put("url", url);
            connection.put("batch_size", batchSize);
        }
        if (!delivery.isEmpty()) {
            connection.put("delivery", delivery);
        }
        if (!rateLimit.isEmpty()) {
            connection.put("rate_limit", rateLimit);
        }
        return connection;
    }
}
