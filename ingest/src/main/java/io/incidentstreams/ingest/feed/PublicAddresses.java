package io.incidentstreams.ingest.feed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Tells public internet addresses from the others: loopback, link-local (cloud metadata at 169.254.169.254),
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), unspecified, multicast,
 * reserved and documentation ranges. IPv6 addresses that embed an IPv4 address (mapped, compatible, NAT64, 6to4)
 * are judged by it.
 */
final class PublicAddresses {
    private PublicAddresses() {
    }

    /** What kind of non-public address {@code address} is, or null when it is public. */
    static String nonPublicKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4Kind(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6Kind(b);
        }
        return null;
    }

    private static String ipv4Kind(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        if (a0 == 0 || a0 == 127) {
            return a0 == 0 ? "unspecified" : "loopback";
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xF0) == 16) || (a0 == 192 && a1 == 168)) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local";
        }
        if (a0 == 100 && (a1 & 0xC0) == 64) {
            return "carrier-grade NAT";
        }
        if (a0 >= 224) {
            return a0 < 240 ? "multicast" : "reserved";
        }
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113) || (a0 == 198 && (a1 & 0xFE) == 18)) {
            return "reserved";
        }
        return null;
    }

    private static String ipv6Kind(byte[] b) {
        if ((b[0] & 0xFE) == 0xFC) {
            return "private";
        }
        if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0x80) {
            return "link-local";
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        // ::a.b.c.d and ::ffff:a.b.c.d (Java turns most mapped addresses into Inet4Address already)
        if (firstTenZero && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF))) {
            return ipv4Kind(new byte[] {b[12], b[13], b[14], b[15]});
        }
        // NAT64 64:ff9b::/96
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B) {
            return embedded(b[12], b[13], b[14], b[15]);
        }
        // 6to4 2002:a.b.c.d::/48
        if (b[0] == 0x20 && b[1] == 0x02) {
            return embedded(b[2], b[3], b[4], b[5]);
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && b[2] == 0x0D && (b[3] & 0xFF) == 0xB8) {
            return "reserved";
        }
        return null;
    }

    private static String embedded(byte b0, byte b1, byte b2, byte b3) {
        try {
            return nonPublicKind(InetAddress.getByAddress(new byte[] {b0, b1, b2, b3}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
