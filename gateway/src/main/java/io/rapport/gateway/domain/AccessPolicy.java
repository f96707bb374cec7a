package io.rapport.gateway.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The role matrix: for each route group, which roles may read (GET, HEAD, OPTIONS) and which may change
 * (every other method). Users never reach partner endpoints; partner keys reach only those, with scope
 * {@code partner:read} to read and {@code partner:write} to change.
 *
 * <pre>
 * group            read                            write
 * CUSTOMERS        admin sales support data-steward admin sales data-steward
 * SEGMENTS         admin sales marketing           admin marketing
 * COMPLAINTS       admin sales support             admin sales support
 * CAMPAIGNS        admin marketing                 admin marketing
 * ENGAGEMENT_SETTINGS admin sales marketing support admin marketing
 * ENGAGEMENT       admin sales marketing support   admin sales
 * LOYALTY          admin sales marketing           admin marketing
 * LOYALTY_PARTNER  partner keys only (scopes above)
 * WEBHOOKS         admin + partner keys (scopes)   admin + partner keys (scopes)
 * ADMIN            admin                           admin
 * </pre>
 * This is the first line only: each service enforces its own rule per route and per object (owner, assignee)
 * on the identity in the service token (see {@code io.rapport.platform.identity.Allow}).
 */
public final class AccessPolicy {
    public static final String ADMIN = "admin";
    public static final String SALES = "sales";
    public static final String MARKETING = "marketing";
    public static final String SUPPORT = "support";
    /** Data quality and privacy: merge, erasure and bulk import of customers (customer-service checks which). */
    public static final String DATA_STEWARD = "data-steward";

    public static final Set<String> ROLES = Set.of(ADMIN, SALES, MARKETING, SUPPORT, DATA_STEWARD);
    public static final String SCOPE_READ = "partner:read";
    public static final String SCOPE_WRITE = "partner:write";

    private record Rule(Set<String> read, Set<String> write) {}

    private static final Map<RouteGroup, Rule> MATRIX = new EnumMap<>(Map.of(
            RouteGroup.CUSTOMERS,
                    new Rule(Set.of(ADMIN, SALES, SUPPORT, DATA_STEWARD), Set.of(ADMIN, SALES, DATA_STEWARD)),
            RouteGroup.SEGMENTS, new Rule(Set.of(ADMIN, SALES, MARKETING), Set.of(ADMIN, MARKETING)),
            RouteGroup.COMPLAINTS, new Rule(Set.of(ADMIN, SALES, SUPPORT), Set.of(ADMIN, SALES, SUPPORT)),
            RouteGroup.CAMPAIGNS, new Rule(Set.of(ADMIN, MARKETING), Set.of(ADMIN, MARKETING)),
            RouteGroup.ENGAGEMENT_SETTINGS,
                    new Rule(Set.of(ADMIN, SALES, MARKETING, SUPPORT), Set.of(ADMIN, MARKETING)),
            RouteGroup.ENGAGEMENT, new Rule(Set.of(ADMIN, SALES, MARKETING, SUPPORT), Set.of(ADMIN, SALES)),
            RouteGroup.LOYALTY, new Rule(Set.of(ADMIN, SALES, MARKETING), Set.of(ADMIN, MARKETING)),
            RouteGroup.LOYALTY_PARTNER, new Rule(Set.of(), Set.of()),
            RouteGroup.WEBHOOKS, new Rule(Set.of(ADMIN), Set.of(ADMIN)),
            RouteGroup.ADMIN, new Rule(Set.of(ADMIN), Set.of(ADMIN))));

    private AccessPolicy() {}

    /** Whether {@code caller} may send {@code method} to a path of {@code group}. */
    public static boolean allows(RouteGroup group, String method, Caller caller) {
        boolean read = isRead(method);
        if (caller.isPartner()) {
            return (group == RouteGroup.LOYALTY_PARTNER || group == RouteGroup.WEBHOOKS)
                    && caller.scopes().contains(read ? SCOPE_READ : SCOPE_WRITE);
        }
        Rule rule = MATRIX.get(group);
        Set<String> allowed = read ? rule.read() : rule.write();
        return caller.roles().stream().anyMatch(allowed::contains);
    }

    /** Safe methods count as reads. */
    public static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
