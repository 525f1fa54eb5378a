package dev.spoke.network;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Enforces an {@link AddressPolicy} on one connection's OkHttp client, in the two places a host becomes an address:
 * as the client's {@link Dns} (every address a name resolves to is checked, after resolution, so a harmless-looking
 * name that points at a metadata address is refused), and as an interceptor (an IP literal, which OkHttp connects to
 * without asking the Dns, and a known name such as {@code metadata.google.internal} before anything is resolved).
 * Either throws {@link RefusedAddressException} before a socket is opened. Redirects stay off on every client, so the
 * host checked is the host connected to.
 */
public final class OutboundGuard implements Dns, Interceptor {
    private final String connection;
    private final AddressPolicy policy;
    private final Dns resolver;

    /**
     * @param connection what the client sends to, for messages: {@code connection 'crm_hook'}, {@code the Slack alert}
     * @param policy the project's policy
     * @param resolver resolves names ({@link Dns#SYSTEM}, or a fake in tests)
     */
    public OutboundGuard(String connection, AddressPolicy policy, Dns resolver) {
        this.connection = requireNonNull(connection, "connection is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.resolver = requireNonNull(resolver, "resolver is null");
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        refuseIfPresent(policy.checkHost(hostname));
        List<InetAddress> addresses = resolver.lookup(hostname);
        for (InetAddress address : addresses) {
            refuseIfPresent(policy.checkResolved(hostname, address));
        }
        return addresses;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        refuseIfPresent(policy.checkHost(chain.request().url().host()));
        return chain.proceed(chain.request());
    }

    private void refuseIfPresent(Optional<AddressPolicy.Refusal> refusal) throws RefusedAddressException {
        if (refusal.isPresent()) {
            throw new RefusedAddressException(connection + ": " + refusal.get().reason() + ". "
                    + refusal.get().fix("its URL"));
        }
    }
}
