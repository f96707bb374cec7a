package io.rapport.platform.identity;

import java.util.Set;

/**
 * The roles a user token may carry (the gateway keeps only these), plus {@link #PARTNER}, which names a partner
 * system in {@link Allow} rules (partners carry no roles, only a partner id).
 */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String SALES = "sales";
    public static final String MARKETING = "marketing";
    public static final String SUPPORT = "support";
    /** Data quality and privacy: merge, erasure, bulk import. */
    public static final String DATA_STEWARD = "data-steward";
    /** Not a role: any caller the gateway authenticated with a partner API key. */
    public static final String PARTNER = "partner";

    public static final Set<String> USER_ROLES = Set.of(ADMIN, SALES, MARKETING, SUPPORT, DATA_STEWARD);

    private Roles() {}
}
