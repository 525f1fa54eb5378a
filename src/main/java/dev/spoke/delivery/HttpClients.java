package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the one OkHttp client of a connection, the {@code http} of the connection's
 * {@link dev.spoke.destination.DestinationContext}. Retrying is the delivery layer's job, so OkHttp never retries a
 * failed connection and never follows a redirect (a redirect is a fatal failure the user must fix: a POST silently
 * turned into a GET loses rows).
 */
public final class HttpClients {
    /** How long an idle connection is kept for the next request. */
    static final long KEEP_ALIVE_MINUTES = 5;

    private HttpClients() {
    }

    /**
     * A client with the connection's timeouts ({@code delivery.timeout} for reads and writes,
     * {@code delivery.connect_timeout}), redirects and connection retries off, and a connection pool and dispatcher
     * sized for {@code rate_limit.concurrency}. Build one per connection and share it between the connection's exports.
     */
    public static OkHttpClient forConnection(DeliverySettings settings) {
        requireNonNull(settings, "settings is null");
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(settings.concurrency());
        dispatcher.setMaxRequestsPerHost(settings.concurrency());
        return new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(settings.concurrency(), KEEP_ALIVE_MINUTES, TimeUnit.MINUTES))
                .dispatcher(dispatcher)
                .socketFactory(NoDelaySocketFactory.INSTANCE)
                .build();
    }
}
