package dev.spoke.config;

import static java.util.Objects.requireNonNull;

import dev.spoke.delivery.DeliverySettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connection from spoke.yml, env_var() rendered.
 *
 * @param name the connection's name, what {@code to:} refers to
 * @param type the destination type, e.g. {@code webhook}
 * @param options the type's own options as read: String, {@link Secret} (anything rendered from env_var()),
 *     Number, Boolean, Map or List; validated against the type's declared options when an export is bound
 * @param delivery retries, timeouts, rate limit and thresholds ({@code delivery:} and {@code rate_limit:})
 */
public record ConnectionSpec(String name, String type, Map<String, Object> options, DeliverySettings delivery) {
    public ConnectionSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        requireNonNull(delivery, "delivery is null");
    }
}
