package io.rapport.gateway.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Header rules of the proxy: what never crosses it, and the identifiers it adds. */
public final class ProxyHeaders {
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String PRINCIPAL = "X-Rapport-Principal";
    public static final String ROLES = "X-Rapport-Roles";
    public static final String PARTNER_ID = "X-Rapport-Partner-Id";
    public static final String API_KEY = "X-Api-Key";

    /** RFC 9110 section 7.6.1 connection-specific headers, plus the legacy ones proxies drop. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    /** Headers the gateway sets itself (identity) or keeps to itself (credentials, Host). */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host", "authorization", "x-api-key", "x-rapport-principal", "x-rapport-roles", "x-rapport-partner-id");

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private ProxyHeaders() {}

    public static boolean isHopByHop(String name) {
        return HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a client's request header goes on to the upstream ({@code connectionTokens}: names listed in Connection). */
    public static boolean forwardRequestHeader(String name, Set<String> connectionTokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !NOT_FORWARDED.contains(lower) && !connectionTokens.contains(lower);
    }

    /** Whether an upstream's response header goes back to the client. */
    public static boolean forwardResponseHeader(String name, Set<String> connectionTokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !connectionTokens.contains(lower);
    }

    /** The names a Connection header lists (lower case): they are hop-by-hop too. */
    public static Set<String> connectionTokens(String connectionHeader) {
        if (connectionHeader == null || connectionHeader.isBlank()) {
            return Set.of();
        }
        return Set.of(connectionHeader.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A client's request id is kept when it is short and plain; anything else is replaced. */
    /**
     * A service's {@code Location} as the client must use it: an absolute URL of one of the API paths
     * ({@code http://10.0.0.7:8091/api/v1/customers/42}) gets the gateway's public origin instead of the
     * service's; relative URLs and other addresses are kept.
     */
    public static String publicLocation(String location, String publicOrigin) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(location.trim());
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (!uri.isAbsolute()
                || uri.getRawPath() == null
                || !uri.getRawPath().startsWith("/api/")
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            return location;
        }
        return publicOrigin + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public static boolean acceptableRequestId(String id) {
        return id != null && SAFE_REQUEST_ID.matcher(id).matches();
    }

    /** A W3C trace context {@code traceparent} of version 00 shape (all-zero ids are invalid). */
    public static boolean validTraceparent(String value) {
        if (value == null || !TRACEPARENT_FORMAT.matcher(value).matches() || value.startsWith("ff")) {
            return false;
        }
        String[] parts = value.split("-");
        return !parts[1].chars().allMatch(c -> c == '0') && !parts[2].chars().allMatch(c -> c == '0');
    }

    /** A new sampled {@code traceparent} from random bits. */
    public static String newTraceparent(java.util.random.RandomGenerator random) {
        return "00-" + hex(random.nextLong()) + hex(random.nextLong() | 1) + "-" + hex(random.nextLong() | 1) + "-01";
    }

    private static String hex(long v) {
        String s = Long.toHexString(v);
        return "0".repeat(16 - s.length()) + s;
    }
}
