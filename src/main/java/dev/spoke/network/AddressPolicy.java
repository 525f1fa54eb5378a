package dev.spoke.network;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where spoke may send: the outbound address policy of every HTTP destination and alert (spoke.yml's
 * {@code network:} block). Link-local, cloud metadata, unspecified, multicast, broadcast and reserved addresses are
 * always refused: no receiver of rows lives there, and a metadata service hands out the machine's credentials to
 * whoever asks (the classic server-side request forgery). Loopback and private addresses are allowed, for self-hosted
 * receivers and tests, unless {@code deny_private} is set.
 *
 * <p>Checked twice: by {@code spoke validate} on the host as written ({@link #checkHost}: IP literals in every
 * notation and known names, never DNS), and at connect time on every address the host resolves to
 * ({@link #checkResolved}, through {@link OutboundGuard}), so a name that points at a refused address is refused too.
 *
 * @param denyPrivate {@code network.deny_private}: refuse loopback and private addresses as well
 */
public record AddressPolicy(boolean denyPrivate) {
    /** The policy of a spoke.yml without a {@code network:} block. */
    public static final AddressPolicy DEFAULT = new AddressPolicy(false);

    /** Where the policy is documented, for fixes. */
    static final String DOCS = "docs/security.md";

    /** Whether an address of this class is refused. */
    public boolean refuses(AddressClass kind) {
        return kind.alwaysRefused() || denyPrivate && kind.isPrivate();
    }

    /**
     * Checks a host as written in a URL, without resolving it (what {@code spoke validate} can know offline).
     *
     * @return why the host is refused, or empty when it is allowed or is a name only DNS can tell about
     */
    public Optional<Refusal> checkHost(String host) {
        requireNonNull(host, "host is null");
        return AddressClassifier.classifyHost(host).filter(this::refuses)
                .map(kind -> new Refusal(host, null, kind, !kind.alwaysRefused()));
    }

    /** Checks one address {@code host} resolved to. */
    public Optional<Refusal> checkResolved(String host, InetAddress address) {
        requireNonNull(host, "host is null");
        requireNonNull(address, "address is null");
        AddressClass kind = AddressClassifier.classify(address.getAddress());
        return refuses(kind) ? Optional.of(new Refusal(host, address.getHostAddress(), kind, !kind.alwaysRefused()))
                : Optional.empty();
    }

    /**
     * Why a host is refused.
     *
     * @param host the host as the URL has it
     * @param resolvedTo the address it resolved to, or {@code null} when refused as written
     * @param kind the class of the address
     * @param byDenyPrivate whether only {@code network.deny_private: true} refuses it
     */
    public record Refusal(String host, String resolvedTo, AddressClass kind, boolean byDenyPrivate) {
        public Refusal {
            requireNonNull(host, "host is null");
            requireNonNull(kind, "kind is null");
        }

        /** {@code host 169.254.169.254 is a cloud metadata address, where spoke never sends}. */
        public String reason() {
            String what = resolvedTo == null || resolvedTo.equals(host)
                    ? "host " + host + " is " + kind.description()
                    : "host " + host + " resolves to " + resolvedTo + ", " + kind.description();
            return what + (byDenyPrivate ? ", refused because spoke.yml sets network.deny_private: true"
                    : ", where spoke never sends");
        }

        /** How to fix it, naming the option that holds the URL ({@code url}, {@code slack_webhook_url}). */
        public String fix(String option) {
            if (byDenyPrivate) {
                return "Point " + option + " at a public address, or remove network.deny_private from spoke.yml to"
                        + " allow self-hosted receivers (" + DOCS + ")";
            }
            return "Point " + option + " at the receiver's own address: spoke never connects to link-local, cloud"
                    + " metadata, unspecified, multicast, broadcast or reserved addresses (" + DOCS + ")";
        }
    }
}
