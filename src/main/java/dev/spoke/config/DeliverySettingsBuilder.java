package dev.spoke.config;

import dev.spoke.delivery.DeliverySettings;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Collects a connection's {@code rate_limit:} and {@code delivery:} keys, starting from the defaults. */
final class DeliverySettingsBuilder {
    Duration timeout;
    Duration connectTimeout;
    int maxAttempts;
    Duration initialBackoff;
    Duration maxBackoff;
    OptionalDouble requestsPerSecond;
    OptionalLong requestsPerWindow;
    Duration window;
    int concurrency;
    int circuitBreakerFailures;
    OptionalLong maxRejectedRows;
    OptionalDouble maxRejectedPercent;

    DeliverySettingsBuilder() {
        DeliverySettings defaults = DeliverySettings.DEFAULTS;
        timeout = defaults.timeout();
        connectTimeout = defaults.connectTimeout();
        maxAttempts = defaults.maxAttempts();
        initialBackoff = defaults.initialBackoff();
        maxBackoff = defaults.maxBackoff();
        requestsPerSecond = defaults.requestsPerSecond();
        requestsPerWindow = defaults.requestsPerWindow();
        window = defaults.window();
        concurrency = defaults.concurrency();
        circuitBreakerFailures = defaults.circuitBreakerFailures();
        maxRejectedRows = defaults.maxRejectedRows();
        maxRejectedPercent = defaults.maxRejectedPercent();
    }

    DeliverySettings build() {
        return new DeliverySettings(timeout, connectTimeout, maxAttempts, initialBackoff, maxBackoff,
                requestsPerSecond, requestsPerWindow, window, concurrency, circuitBreakerFailures, maxRejectedRows,
                maxRejectedPercent);
    }
}
