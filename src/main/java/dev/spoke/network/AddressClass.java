package dev.spoke.network;

/**
 * What kind of address a host is, as far as sending rows there is concerned. {@link AddressPolicy} decides which
 * kinds are refused: the {@link #alwaysRefused()} ones in every project, the {@link #isPrivate()} ones only with
 * {@code network.deny_private: true}.
 */
public enum AddressClass {
    /** Any other address: the internet. */
    PUBLIC("a public address", false, false),
    /** 127.0.0.0/8, ::1, and the names {@code localhost} and {@code *.localhost}. */
    LOOPBACK("a loopback address", false, true),
    /** 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10 (shared, CGNAT), fc00::/7 and fec0::/10. */
    PRIVATE("a private address", false, true),
    /** 169.254.0.0/16 and fe80::/10: only the local link answers there, cloud metadata services among them. */
    LINK_LOCAL("a link-local address", true, false),
    /**
     * An instance metadata service, which hands out the machine's cloud credentials: 169.254.169.254 (AWS, GCP,
     * Azure, Oracle, ...), 169.254.170.2 (AWS ECS tasks), fd00:ec2::254 (AWS over IPv6), 100.100.100.200 (Alibaba
     * Cloud), and the names {@code metadata.google.internal} and {@code metadata.goog}.
     */
    CLOUD_METADATA("a cloud metadata address", true, false),
    /** 0.0.0.0/8 and ::, which the kernel takes for this host. */
    UNSPECIFIED("an unspecified address", true, false),
    /** 224.0.0.0/4 and ff00::/8. */
    MULTICAST("a multicast address", true, false),
    /** 255.255.255.255. */
    BROADCAST("the broadcast address", true, false),
    /** 240.0.0.0/4, reserved for future use: never a receiver. */
    RESERVED("a reserved address", true, false);

    private final String description;
    private final boolean alwaysRefused;
    private final boolean isPrivate;

    AddressClass(String description, boolean alwaysRefused, boolean isPrivate) {
        this.description = description;
        this.alwaysRefused = alwaysRefused;
        this.isPrivate = isPrivate;
    }

    /** In words, for messages: {@code a cloud metadata address}. */
    public String description() {
        return description;
    }

    /** Refused whatever spoke.yml says: no receiver of rows lives there, and some leak credentials. */
    public boolean alwaysRefused() {
        return alwaysRefused;
    }

    /** Loopback or private: allowed (self-hosted receivers, tests) unless {@code network.deny_private: true}. */
    public boolean isPrivate() {
        return isPrivate;
    }
}
