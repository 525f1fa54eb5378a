package dev.spoke.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads IP address text the way a resolver would, without asking one: IPv4 in every form {@code inet_aton} accepts
 * (and so {@code getaddrinfo}, curl and most HTTP stacks: {@code 169.254.169.254}, {@code 0xA9FEA9FE},
 * {@code 2852039166}, {@code 0251.0376.0251.0376}, {@code 169.254.43518}), and IPv6 with or without brackets, a zone
 * ({@code %eth0}) and an embedded IPv4 tail ({@code ::ffff:169.254.169.254}). Pure: no I/O, no
 * {@link java.net.InetAddress}, so the answer never depends on the platform's resolver.
 */
final class IpAddressText {
    private static final long IPV4_MAX = 0xFFFF_FFFFL;

    private IpAddressText() {
    }

    /** The 4 or 16 bytes of an IP literal, or empty when {@code text} is a name (or nothing at all). */
    static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 100) {
            return Optional.empty();
        }
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    /**
     * IPv4 as {@code inet_aton} reads it: one to four parts separated by dots, each decimal, octal (a leading
     * {@code 0}) or hexadecimal ({@code 0x}); the last part fills the bytes the others left, so {@code a.b} is
     * {@code a} and a 24-bit {@code b}, and a single part is the whole 32-bit address.
     */
    static Optional<byte[]> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            long part = number(parts[i]);
            if (part < 0 || part > 0xFF) {
                return Optional.empty();
            }
            address = address << 8 | part;
        }
        int lastBits = 8 * (5 - parts.length);
        long last = number(parts[parts.length - 1]);
        if (last < 0 || last >= 1L << lastBits) {
            return Optional.empty();
        }
        address = address << lastBits | last;
        return Optional.of(new byte[] {
                (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    /** One part of an inet_aton address, or -1 when it is not a number in C's notation. */
    private static long number(String part) {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0 || digits.charAt(i) > 0x7f) {
                return -1;
            }
            value = value * radix + digit;
            if (value > IPV4_MAX) {
                return -1;
            }
        }
        return value;
    }

    /** IPv6 text: eight groups of hex, {@code ::} for a run of zero groups, optionally a dotted IPv4 tail. */
    static Optional<byte[]> parseIpv6(String text) {
        String address = text;
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = groups(gap < 0 ? address : address.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(address.substring(gap + 2), true);
        if (head == null || tail == null) {
            return Optional.empty();
        }
        int zeros = 8 - head.size() - tail.size();
        if (gap < 0 ? zeros != 0 : zeros < 1) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        int index = 0;
        for (int group : head) {
            bytes[index++] = (byte) (group >>> 8);
            bytes[index++] = (byte) group;
        }
        index += 2 * zeros;
        for (int group : tail) {
            bytes[index++] = (byte) (group >>> 8);
            bytes[index++] = (byte) group;
        }
        return Optional.of(bytes);
    }

    /** The 16-bit groups of one side of {@code ::}, or {@code null} when malformed. */
    private static List<Integer> groups(String side, boolean ipv4TailAllowed) {
        List<Integer> groups = new ArrayList<>();
        if (side.isEmpty()) {
            return groups;
        }
        String[] pieces = side.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (i == pieces.length - 1 && ipv4TailAllowed && piece.indexOf('.') >= 0) {
                byte[] ipv4 = dottedQuad(piece);
                if (ipv4 == null) {
                    return null;
                }
                groups.add((ipv4[0] & 0xFF) << 8 | ipv4[1] & 0xFF);
                groups.add((ipv4[2] & 0xFF) << 8 | ipv4[3] & 0xFF);
            } else {
                if (piece.isEmpty() || piece.length() > 4) {
                    return null;
                }
                int group = 0;
                for (int c = 0; c < piece.length(); c++) {
                    int digit = Character.digit(piece.charAt(c), 16);
                    if (digit < 0 || piece.charAt(c) > 0x7f) {
                        return null;
                    }
                    group = group << 4 | digit;
                }
                groups.add(group);
            }
        }
        return groups.size() > 8 ? null : groups;
    }

    /** The strict dotted-decimal IPv4 an IPv6 address may end with (RFC 4291: four decimal parts). */
    private static byte[] dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }
}
