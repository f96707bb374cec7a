package io.rapport.gateway.domain;

/** The parts of the public API that the role matrix ({@link AccessPolicy}) distinguishes. */
public enum RouteGroup {
    /** {@code /api/v1/customers/**}, including the gateway's own Customer 360. */
    CUSTOMERS,
    /** {@code /api/v1/segments/**}: classes, policies, runs. */
    SEGMENTS,
    /** {@code /api/v1/engagement/**} paths with a {@code complaints} segment. */
    COMPLAINTS,
    /** {@code /api/v1/engagement/**} paths with a {@code campaigns} segment. */
    CAMPAIGNS,
    /**
     * Engagement settings that shape every customer's contacts: contact plans, pressure rules, level mappings and
     * message templates (marketing changes them).
     */
    ENGAGEMENT_SETTINGS,
    /** {@code /api/v1/engagement/interactions}: logged by sales and support, read by every staff role. */
    INTERACTIONS,
    /** The rest of engagement: agendas, contacts, levels, summaries, contact pressure. */
    ENGAGEMENT,
    /** {@code /api/v1/loyalty/partner/**}: reached only with a partner API key. */
    LOYALTY_PARTNER,
    /** The rest of loyalty: programmes, tiers, memberships, points, referrals. */
    LOYALTY,
    /**
     * {@code /api/v1/loyalty/members/{id}/partner-links/**} and {@code .../redemption-codes}: a member's consent to
     * partners and its one-time codes, handled by sales and support (loyalty's {@code MemberPartnerResource}).
     */
    PARTNER_CONSENT,
    /** {@code /api/v1/webhooks/**}: webhook subscriptions (loyalty), for partner keys (scopes as above) and admins. */
    WEBHOOKS,
    /**
     * A service's own audit trail, {@code /api/v1/{customers,segments,engagement,loyalty}/audit}: read by the roles
     * the platform's {@code AuditTrailResource} names (sales, support, data-steward) and admin.
     */
    AUDIT,
    /** {@code /api/v1/admin/{service}/**}: a service's operations API (dead letters), admins only. */
    ADMIN
}
