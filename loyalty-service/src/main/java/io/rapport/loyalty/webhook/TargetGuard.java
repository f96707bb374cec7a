package io.rapport.loyalty.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF rule for webhook targets: an {@code https} URL (plain {@code http} only for allow-listed targets) without
 * user info or fragment, whose host resolves only to public unicast addresses. Loopback, private (RFC 1918),
 * shared (100.64/10), link-local, unique-local (fc00::/7), unspecified, multicast, reserved and documentation ranges
 * are refused unless the admin allow-list ({@code rapport.loyalty.webhooks.allowed-targets}) names the host, the
 * address or a CIDR range containing it. Checked when a subscription is saved and again before every send, and the
 * sender connects to the very address checked here (no second DNS lookup, so no rebinding in between).
 */
public final class TargetGuard {
    private final List<String> allowList;
    private final Resolver resolver;

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public TargetGuard(List<String> allowList, Resolver resolver) {
        this.allowList = allowList.stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
        this.resolver = resolver;
    }

    public TargetGuard(List<String> allowList) {
        this(allowList, InetAddress::getAllByName);
    }

    /** Where to connect: the URL, and the checked address the connection must use. */
    public record Target(URI uri, String host, int port, boolean ssl, InetAddress address) {}

    /** A refusal; {@code reason} says why without repeating the URL. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Only the URL's shape (no DNS): the check of a request body. */
    public URI parse(String url) throws Refused {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new Refused("must be an absolute https URL of at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("may not contain user info or a fragment");
        }
        if (scheme.equals("http") && !allowedHost(host(uri))) {
            throw new Refused("must use https (plain http only for targets on the admin allow-list)");
        }
        return uri;
    }

    /** Parses, resolves and checks the target; the answer names the address to connect to. */
    public Target check(String url) throws Refused {
        URI uri = parse(url);
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("host does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("host does not resolve");
        }
        boolean hostAllowed = allowedHost(host);
        for (InetAddress a : addresses) {
            if (!hostAllowed && !allowedAddress(a) && !isPublic(a)) {
                throw new Refused("resolves to a loopback, private, link-local or otherwise non-public address");
            }
        }
        boolean ssl = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        return new Target(uri, host, port, ssl, addresses[0]);
    }

    private static String host(URI uri) {
        String h = uri.getHost().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private boolean allowedHost(String host) {
        if (allowList.contains(host)) {
            return true;
        }
        // an IP literal inside an allow-listed range
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return allowedAddress(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private boolean allowedAddress(InetAddress a) {
        for (String entry : allowList) {
            if (Cidr.parse(entry).map(c -> c.contains(a)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} is a public unicast address. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return !(b0 == 0
                    || b0 == 10
                    || b0 == 127
                    || b0 >= 224 // this network, private, loopback, multicast/reserved
                    || (b0 == 100 && b1 >= 64 && b1 <= 127) // shared address space (CGNAT)
                    || (b0 == 169 && b1 == 254)
                    || (b0 == 172 && b1 >= 16 && b1 <= 31)
                    || (b0 == 192 && b1 == 168)
                    || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 2)
                    || (b0 == 198 && (b1 == 18 || b1 == 19))
                    || (b0 == 198 && b1 == 51 && (b[2] & 0xff) == 100)
                    || (b0 == 203 && b1 == 0 && (b[2] & 0xff) == 113));
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xff;
            if ((b0 & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if (b0 == 0x20
                    && (b[1] & 0xff) == 0x01
                    && (b[2] & 0xff) == 0x0d
                    && (b[3] & 0xff) == 0xb8) { // 2001:db8::/32
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d, ::a.b.c.d and 64:ff9b::a.b.c.d embed an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            boolean nat64 = b0 == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if ((mapped && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)))
                    || nat64) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return (b0 & 0xe0) == 0x20; // global unicast 2000::/3 only
        }
        return false;
    }

    /** An address or CIDR range of the allow-list. */
    record Cidr(byte[] network, int bits) {
        static Optional<Cidr> parse(String entry) {
            String[] parts = entry.split("/", 2);
            if (!parts[0].matches("[0-9.]+") && !parts[0].contains(":")) {
                return Optional.empty(); // a host name, not an address
            }
            try {
                byte[] net = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
                return bits < 0 || bits > net.length * 8 ? Optional.empty() : Optional.of(new Cidr(net, bits));
            } catch (UnknownHostException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean contains(InetAddress a) {
            byte[] x = a.getAddress();
            if (x.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((x[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
