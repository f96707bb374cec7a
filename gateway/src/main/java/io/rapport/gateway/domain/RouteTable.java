package io.rapport.gateway.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Maps a normalised public path to its upstream and route group. Services serve the full public prefix,
 * so the path is forwarded unchanged. A prefix matches only whole segments: {@code /api/v1/customersX} is
 * not a customer path.
 */
public final class RouteTable {
    public static final String CUSTOMERS = "/api/v1/customers";
    public static final String SEGMENTS = "/api/v1/segments";
    public static final String ENGAGEMENT = "/api/v1/engagement";
    public static final String LOYALTY = "/api/v1/loyalty";
    public static final String LOYALTY_PARTNER = "/api/v1/loyalty/partner";
    /** Webhook subscriptions, served by loyalty-service for partners (their key) and admins. */
    public static final String WEBHOOKS = "/api/v1/webhooks";
    /** {@code /api/v1/admin/{service}/**} goes to that service (its dead letters), path unchanged. */
    public static final String ADMIN = "/api/v1/admin";

    private static final Set<String> SERVICES = Set.of("customer", "segmentation", "engagement", "loyalty");

    private RouteTable() {}

    public static Optional<Route> resolve(String path) {
        if (under(path, CUSTOMERS)) {
            return Optional.of(new Route("customer", RouteGroup.CUSTOMERS));
        }
        if (under(path, SEGMENTS)) {
            return Optional.of(new Route("segmentation", RouteGroup.SEGMENTS));
        }
        if (under(path, ENGAGEMENT)) {
            return Optional.of(new Route("engagement", engagementGroup(path)));
        }
        if (under(path, LOYALTY_PARTNER)) {
            return Optional.of(new Route("loyalty", RouteGroup.LOYALTY_PARTNER));
        }
        if (under(path, LOYALTY)) {
            return Optional.of(new Route("loyalty", RouteGroup.LOYALTY));
        }
        if (under(path, WEBHOOKS)) {
            return Optional.of(new Route("loyalty", RouteGroup.WEBHOOKS));
        }
        if (under(path, ADMIN)) {
            String[] segments = path.substring(ADMIN.length()).split("/");
            if (segments.length > 1 && SERVICES.contains(segments[1])) {
                return Optional.of(new Route(segments[1], RouteGroup.ADMIN));
            }
        }
        return Optional.empty();
    }

    private static final Set<String> ENGAGEMENT_SETTINGS = Set.of("plans", "pressure-rules", "level-mappings");

    private static RouteGroup engagementGroup(String path) {
        String[] segments = path.substring(ENGAGEMENT.length()).split("/");
        if (segments.length > 1 && ENGAGEMENT_SETTINGS.contains(segments[1])) {
            return RouteGroup.ENGAGEMENT_SETTINGS;
        }
        for (String segment : segments) {
            if (segment.equals("complaints")) {
                return RouteGroup.COMPLAINTS;
            }
            if (segment.equals("campaigns")) {
                return RouteGroup.CAMPAIGNS;
            }
        }
        return RouteGroup.ENGAGEMENT;
    }

    static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
