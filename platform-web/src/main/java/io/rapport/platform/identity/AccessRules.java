package io.rapport.platform.identity;

import java.util.Set;

/** The role part of an {@link Allow} rule, as a plain function (unit-tested without HTTP). */
final class AccessRules {
    private AccessRules() {}

    /**
     * For a service calling on its own behalf ({@code service} not null): allowed only when the rule names the service
     * and the request only reads ({@code read}); nothing else counts for it.
     */
    static AccessFilter.Decision decide(Allow rule, String service, boolean read) {
        if (rule == null || !read) {
            return AccessFilter.Decision.DENIED;
        }
        for (String allowed : rule.services()) {
            if (allowed.equals(service)) {
                return AccessFilter.Decision.ALLOWED;
            }
        }
        return AccessFilter.Decision.DENIED;
    }

    static AccessFilter.Decision decide(Allow rule, Set<String> roles, boolean partner) {
        if (roles.contains(Roles.ADMIN)) {
            return AccessFilter.Decision.ALLOWED;
        }
        if (rule == null) {
            return AccessFilter.Decision.DENIED; // fail closed: a route without a rule is for admin only
        }
        for (String allowed : rule.value()) {
            if (allowed.equals(Roles.PARTNER) ? partner : roles.contains(allowed)) {
                return AccessFilter.Decision.ALLOWED;
            }
        }
        for (String owner : rule.owner()) {
            if (roles.contains(owner)) {
                return AccessFilter.Decision.OWNER_ONLY;
            }
        }
        return AccessFilter.Decision.DENIED;
    }
}
