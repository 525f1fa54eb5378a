package dev.spoke.delivery;

import static java.util.Objects.requireNonNull;

import dev.spoke.network.AddressPolicy;
import dev.spoke.network.OutboundGuard;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Dns;
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
 *
 * <p>Every client enforces the project's outbound {@link AddressPolicy} through an {@link OutboundGuard}: a host that
 * is, or resolves to, a refused address (a cloud metadata service, link-local, ...) fails before a socket is opened,
 * with a {@link dev.spoke.network.RefusedAddressException} that the destination reports as fatal.
 */
public final class HttpClients {
    /** How long an idle connection is kept for the next request. */
    static final long KEEP_ALIVE_MINUTES = 5;

    private HttpClients() {
    }

    /**
     * A client with the connection's timeouts ({@code delivery.timeout} for reads and writes,
     * {@code delivery.connect_timeout}), redirects off, stale pooled connections retried, a connection pool and
     * dispatcher sized for {@code rate_limit.concurrency}, and the address policy enforced on every host it connects
     * to, names resolved by the system resolver. Build one per connection and share it between the connection's
     * exports.
     *
     * @param target what the client sends to, for messages: {@code connection 'crm_hook'}, {@code the Slack alert}
     */
    public static OkHttpClient forConnection(String target, DeliverySettings settings, AddressPolicy policy) {
        return forConnection(target, settings, policy, Dns.SYSTEM);
    }

    /** As {@link #forConnection(String, DeliverySettings, AddressPolicy)}, with names resolved by {@code resolver}. */
    public static OkHttpClient forConnection(
            String target, DeliverySettings settings, AddressPolicy policy, Dns resolver) {
        requireNonNull(settings, "settings is null");
        OutboundGuard guard = new OutboundGuard(target, policy, resolver);
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
                .dns(guard)
                .addInterceptor(guard)
                .build();
    }
}
