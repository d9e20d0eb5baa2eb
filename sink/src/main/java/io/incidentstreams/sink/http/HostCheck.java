package io.incidentstreams.sink.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code Host} headers the server answers, against DNS rebinding: a page on a hostile name that a resolver
 * later points at this machine sends its own name as {@code Host}, so a request that names a host this server was
 * not given is refused (421) before it reaches any endpoint.
 *
 * <ul>
 *   <li>A loopback bind (127.0.0.1, ::1, localhost) answers {@code localhost}, {@code 127.0.0.1} and {@code [::1]}
 *       with the server's port.</li>
 *   <li>Another address answers that address with the server's port; a wildcard bind (0.0.0.0, ::) answers any IP
 *       address literal and {@code localhost} with the server's port. An address literal cannot be rebound.</li>
 *   <li>Names in {@code allowed} (e.g. the name of a reverse proxy in front) are answered on any port; {@code *}
 *       turns the check off.</li>
 * </ul>
 */
final class HostCheck {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+(%[0-9a-z._-]+)?");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String bind;
    private final boolean loopback;
    private final boolean wildcard;
    private final Set<String> allowed;
    private final boolean any;

    HostCheck(String bind, List<String> allowed) {
        this.bind = normalise(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
        InetAddress address = literal(this.bind);
        this.wildcard = address != null && address.isAnyLocalAddress();
        this.loopback = "localhost".equals(this.bind) || (address != null && address.isLoopbackAddress());
        this.any = allowed.contains("*");
        this.allowed = Set.copyOf(allowed.stream().map(HostCheck::normalise).toList());
    }

    /** True if a request with this {@code Host} header is answered by a server listening on {@code port}. */
    boolean allows(String header, int port) {
        if (any) {
            return true;
        }
        if (header == null || header.isBlank()) {
            return false;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        String name = h;
        int givenPort = 80;
        int close = h.lastIndexOf(']');
        int colon = h.lastIndexOf(':');
        if (colon > close && (h.startsWith("[") || h.indexOf(':') == colon)) {
            name = h.substring(0, colon);
            try {
                givenPort = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        name = normalise(name);
        if (allowed.contains(name)) {
            return true;
        }
        if (givenPort != port) {
            return false;
        }
        if (loopback) {
            return LOOPBACK_NAMES.contains(name) || name.equals(bind);
        }
        if (wildcard) {
            return "localhost".equals(name) || literal(name) != null;
        }
        return name.equals(bind);
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address an IP literal names ({@code [...]} for IPv6), or null if it is not one; never a DNS lookup. */
    static InetAddress literal(String host) {
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
            if (!h.contains(":") || !IPV6.matcher(h).matches()) {
                return null;
            }
        } else if (!IPV4.matcher(h).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
