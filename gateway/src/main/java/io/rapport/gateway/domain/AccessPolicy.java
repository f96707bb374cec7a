package io.rapport.gateway.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role matrix: for each route group, which roles may read and which may change. A read is a safe method (GET,
 * HEAD, OPTIONS) or a POST to one of {@link #POST_READS}: endpoints that take their question in a body but only
 * compute or read. Every other request changes something. Users never reach partner endpoints; partner keys reach
 * only those, with scope {@code partner:read} to read and {@code partner:write} to change.
 *
 * <pre>
 * group               read                               write
 * CUSTOMERS           admin sales support data-steward   admin sales data-steward
 * SEGMENTS            admin sales marketing              admin marketing
 * COMPLAINTS          admin sales support                admin sales support
 * CAMPAIGNS           admin marketing                    admin marketing
 * ENGAGEMENT_SETTINGS admin sales marketing support      admin marketing
 * INTERACTIONS        admin sales marketing support      admin sales support
 * ENGAGEMENT          admin sales marketing support      admin sales
 * LOYALTY             admin sales marketing              admin marketing
 * PARTNER_CONSENT     admin sales support                admin sales support
 * LOYALTY_PARTNER     partner keys only (scopes above)
 * WEBHOOKS            admin + partner keys (scopes)      admin + partner keys (scopes)
 * AUDIT               admin sales support data-steward   admin
 * ADMIN               admin                              admin
 * </pre>
 * Each cell agrees with the owning service's {@code @Allow} rule on the routes of the group (the service adds
 * ownership: a sales rep changes only its own customers' data). This is the first line only: each service enforces
 * its own rule per route and per object (owner, assignee) on the identity in the service token (see
 * {@code io.rapport.platform.identity.Allow}).
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

    /**
     * POST endpoints that write nothing: the group's readers may send them. Whole paths, {@code *} standing for one
     * segment (an id). A template preview is not one of them: it renders a customer's data for marketing only, so
     * engagement and the matrix keep it with the settings' writers.
     */
    public static final List<String> POST_READS = List.of(
            // engagement: the contact pressure of up to 200 customers (sales, marketing, support)
            "/api/v1/engagement/contact-pressure/batch",
            // loyalty: what a redemption would cost and give, nothing booked (sales, marketing)
            "/api/v1/loyalty/programmes/*/quotes");

    private record Rule(Set<String> read, Set<String> write) {}

    private static final Map<RouteGroup, Rule> MATRIX = new EnumMap<>(RouteGroup.class);

    static {
        Set<String> staff = Set.of(ADMIN, SALES, MARKETING, SUPPORT);
        MATRIX.put(
                RouteGroup.CUSTOMERS,
                new Rule(Set.of(ADMIN, SALES, SUPPORT, DATA_STEWARD), Set.of(ADMIN, SALES, DATA_STEWARD)));
        MATRIX.put(RouteGroup.SEGMENTS, new Rule(Set.of(ADMIN, SALES, MARKETING), Set.of(ADMIN, MARKETING)));
        MATRIX.put(RouteGroup.COMPLAINTS, new Rule(Set.of(ADMIN, SALES, SUPPORT), Set.of(ADMIN, SALES, SUPPORT)));
        MATRIX.put(RouteGroup.CAMPAIGNS, new Rule(Set.of(ADMIN, MARKETING), Set.of(ADMIN, MARKETING)));
        MATRIX.put(RouteGroup.ENGAGEMENT_SETTINGS, new Rule(staff, Set.of(ADMIN, MARKETING)));
        MATRIX.put(RouteGroup.INTERACTIONS, new Rule(staff, Set.of(ADMIN, SALES, SUPPORT)));
        MATRIX.put(RouteGroup.ENGAGEMENT, new Rule(staff, Set.of(ADMIN, SALES)));
        MATRIX.put(RouteGroup.LOYALTY, new Rule(Set.of(ADMIN, SALES, MARKETING), Set.of(ADMIN, MARKETING)));
        MATRIX.put(RouteGroup.PARTNER_CONSENT, new Rule(Set.of(ADMIN, SALES, SUPPORT), Set.of(ADMIN, SALES, SUPPORT)));
        MATRIX.put(RouteGroup.LOYALTY_PARTNER, new Rule(Set.of(), Set.of()));
        MATRIX.put(RouteGroup.WEBHOOKS, new Rule(Set.of(ADMIN), Set.of(ADMIN)));
        MATRIX.put(RouteGroup.AUDIT, new Rule(Set.of(ADMIN, SALES, SUPPORT, DATA_STEWARD), Set.of(ADMIN)));
        MATRIX.put(RouteGroup.ADMIN, new Rule(Set.of(ADMIN), Set.of(ADMIN)));
    }

    private AccessPolicy() {}

    /** Whether {@code caller} may send {@code method} to {@code path} (normalised) of {@code group}. */
    public static boolean allows(RouteGroup group, String method, String path, Caller caller) {
        return isRead(method, path) ? mayRead(group, caller) : mayWrite(group, caller);
    }

    /** Whether {@code caller} may read in {@code group} (GET, HEAD, OPTIONS and the {@link #POST_READS}). */
    public static boolean mayRead(RouteGroup group, Caller caller) {
        return permitted(group, caller, true);
    }

    private static boolean mayWrite(RouteGroup group, Caller caller) {
        return permitted(group, caller, false);
    }

    private static boolean permitted(RouteGroup group, Caller caller, boolean read) {
        if (caller.isPartner()) {
            return (group == RouteGroup.LOYALTY_PARTNER || group == RouteGroup.WEBHOOKS)
                    && caller.scopes().contains(read ? SCOPE_READ : SCOPE_WRITE);
        }
        Rule rule = MATRIX.get(group);
        Set<String> allowed = read ? rule.read() : rule.write();
        return caller.roles().stream().anyMatch(allowed::contains);
    }

    /** A safe method, or a POST to one of the {@link #POST_READS}. */
    public static boolean isRead(String method, String path) {
        return safe(method) || (method.equals("POST") && POST_READS.stream().anyMatch(p -> matches(p, path)));
    }

    private static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static boolean matches(String pattern, String path) {
        String[] want = pattern.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean any = want[i].equals("*") && !got[i].isEmpty();
            if (!any && !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }
}
