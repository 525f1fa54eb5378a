package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

/**
 * What one connection's {@link Deliverer} shares between its calls: the settings, backoff, time budget, request gate
 * (concurrency, rate limit, circuit) and listener.
 */
record ConnectionServices(
        String connection,
        DeliverySettings settings,
        Backoff backoff,
        RunBudget budget,
        RequestGate gate,
        DeliveryListener listener) {

    ConnectionServices {
        requireNonNull(connection, "connection is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(backoff, "backoff is null");
        requireNonNull(budget, "budget is null");
        requireNonNull(gate, "gate is null");
        requireNonNull(listener, "listener is null");
    }
}
