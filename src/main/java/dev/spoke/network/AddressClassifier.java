package dev.spoke.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts addresses and host names into {@link AddressClass}es. Pure: it never resolves a name and never calls
 * {@link java.net.InetAddress}'s parsers, so {@code spoke validate} gives the same answer on every machine and
 * offline. IPv6 addresses that carry an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible
 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}) are classed by the IPv4 address they reach.
 */
public final class AddressClassifier {
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog");
    private static final Set<Long> METADATA_IPV4 = Set.of(
            ipv4(169, 254, 169, 254), ipv4(169, 254, 170, 2), ipv4(100, 100, 100, 200));
    private static final byte[] METADATA_IPV6 = IpAddressText.parseIpv6("fd00:ec2::254").orElseThrow();
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private AddressClassifier() {
    }

    /**
     * What a host of a URL is, without resolving it: the class of an IP literal in any notation, or of a name known
     * to reach one ({@code metadata.google.internal}, {@code localhost}); empty for any other name, which only DNS
     * can tell. Case and trailing dots ({@code metadata.google.internal.}) do not matter.
     */
    public static Optional<AddressClass> classifyHost(String host) {
        String name = normalize(host);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> literal = IpAddressText.parse(name);
        if (literal.isPresent()) {
            return Optional.of(classify(literal.get()));
        }
        if (METADATA_NAMES.contains(name)) {
            return Optional.of(AddressClass.CLOUD_METADATA);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of(AddressClass.LOOPBACK);
        }
        return Optional.empty();
    }

    /** The class of a resolved address: 4 bytes (IPv4) or 16 (IPv6), as {@link java.net.InetAddress#getAddress()}. */
    public static AddressClass classify(byte[] address) {
        if (address.length == 4) {
            return classifyIpv4(toLong(address, 0));
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        return classifyIpv6(address);
    }

    private static AddressClass classifyIpv4(long address) {
        if (METADATA_IPV4.contains(address)) {
            return AddressClass.CLOUD_METADATA;
        }
        int first = (int) (address >>> 24);
        int second = (int) (address >>> 16) & 0xFF;
        if (first == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (first == 127) {
            return AddressClass.LOOPBACK;
        }
        if (first == 169 && second == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if (address == 0xFFFF_FFFFL) {
            return AddressClass.BROADCAST;
        }
        if (first >= 224 && first <= 239) {
            return AddressClass.MULTICAST;
        }
        if (first >= 240) {
            return AddressClass.RESERVED;
        }
        boolean isPrivate = first == 10 || first == 172 && (second & 0xF0) == 16 || first == 192 && second == 168
                || first == 100 && (second & 0xC0) == 64;
        return isPrivate ? AddressClass.PRIVATE : AddressClass.PUBLIC;
    }

    private static AddressClass classifyIpv6(byte[] address) {
        if (Arrays.equals(address, METADATA_IPV6)) {
            return AddressClass.CLOUD_METADATA;
        }
        boolean firstTenZero = allZero(address, 0, 10);
        boolean mapped = firstTenZero && (address[10] & 0xFF) == 0xFF && (address[11] & 0xFF) == 0xFF;
        boolean firstTwelveZero = firstTenZero && address[10] == 0 && address[11] == 0;
        if (firstTwelveZero) {
            long last = toLong(address, 12);
            if (last == 0) {
                return AddressClass.UNSPECIFIED;
            }
            if (last == 1) {
                return AddressClass.LOOPBACK;
            }
        }
        if (mapped || firstTwelveZero || Arrays.equals(Arrays.copyOf(address, 12), NAT64_PREFIX)) {
            return classifyIpv4(toLong(address, 12));
        }
        int first = address[0] & 0xFF;
        int second = address[1] & 0xFF;
        if (first == 0xFF) {
            return AddressClass.MULTICAST;
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return AddressClass.LINK_LOCAL;
        }
        if ((first & 0xFE) == 0xFC || first == 0xFE && (second & 0xC0) == 0xC0) {
            return AddressClass.PRIVATE;
        }
        return AddressClass.PUBLIC;
    }

    /** Lower case, without the trailing dots of a fully qualified name or the brackets of an IPv6 literal. */
    static String normalize(String host) {
        String name = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static long toLong(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) << 24 | (bytes[offset + 1] & 0xFFL) << 16 | (bytes[offset + 2] & 0xFFL) << 8
                | bytes[offset + 3] & 0xFFL;
    }

    private static long ipv4(int a, int b, int c, int d) {
        return (long) a << 24 | (long) b << 16 | (long) c << 8 | d;
    }
}
