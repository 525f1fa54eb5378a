package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the one OkHttp client of a connection, the {@code http} of the connection's
 * {@link dev.spoke.destination.DestinationContext}. Retrying is the delivery layer's job, so OkHttp never follows a
 * redirect (a redirect is a fatal failure the user must fix: a POST silently turned into a GET loses rows) and retries
 * a request only where the failure says nothing about the destination: it was written into a pooled connection the
 * server had already closed (a keep-alive timeout shorter than ours: Node.js closes idle connections after 5s, load
 * balancers after 60s), or a connection to one of the host's addresses failed and another address is left. Without
 * that, every wait longer than the server's keep-alive (a Retry-After, a backoff) made the next attempts fail on stale
 * connections, and those failures opened the circuit breaker of a destination that was up. A failure on a fresh
 * connection to the last address, a timeout after the request was sent, and every HTTP answer still reach the
 * delivery layer, which retries, counts and reports them.
 */
public final class HttpClients {
    /** How long an idle connection is kept for the next request. */
    static final long KEEP_ALIVE_MINUTES = 5;

    private HttpClients() {
    }

    /**
     * A client with the connection's timeouts ({@code delivery.timeout} for reads and writes,
     * {@code delivery.connect_timeout}), redirects off, stale pooled connections retried, and a connection pool and
     * dispatcher sized for {@code rate_limit.concurrency}. Build one per connection and share it between the
     * connection's exports.
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
                .retryOnConnectionFailure(true)
                .connectionPool(new ConnectionPool(settings.concurrency(), KEEP_ALIVE_MINUTES, TimeUnit.MINUTES))
                .dispatcher(dispatcher)
                .socketFactory(NoDelaySocketFactory.INSTANCE)
                .build();
    }
}
