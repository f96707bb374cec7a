package io.rapport.gateway.domain;

import java.util.Map;
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
        for (Map.Entry<String, String> audit : AUDITS.entrySet()) {
            if (under(path, audit.getKey() + "/audit")) {
                return Optional.of(new Route(audit.getValue(), RouteGroup.AUDIT));
            }
        }
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
            return Optional.of(new Route("loyalty", loyaltyGroup(path)));
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

    /** Each service's own audit trail (platform AuditTrailResource), by prefix: its upstream. */
    private static final Map<String, String> AUDITS =
            Map.of(CUSTOMERS, "customer", SEGMENTS, "segmentation", ENGAGEMENT, "engagement", LOYALTY, "loyalty");

    private static final Set<String> ENGAGEMENT_SETTINGS =
            Set.of("plans", "pressure-rules", "level-mappings", "message-templates");

    /** Under {@code /api/v1/loyalty/members/{id}/}: a member's partner consent and one-time codes. */
    private static final Set<String> PARTNER_CONSENT = Set.of("partner-links", "redemption-codes");

    private static RouteGroup loyaltyGroup(String path) {
        String[] segments = path.substring(LOYALTY.length()).split("/");
        if (segments.length > 3 && segments[1].equals("members") && PARTNER_CONSENT.contains(segments[3])) {
            return RouteGroup.PARTNER_CONSENT;
        }
        return RouteGroup.LOYALTY;
    }

    private static RouteGroup engagementGroup(String path) {
        String[] segments = path.substring(ENGAGEMENT.length()).split("/");
        if (segments.length > 1 && ENGAGEMENT_SETTINGS.contains(segments[1])) {
            return RouteGroup.ENGAGEMENT_SETTINGS;
        }
        if (segments.length > 1 && segments[1].equals("interactions")) {
            return RouteGroup.INTERACTIONS;
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
