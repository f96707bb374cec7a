package io.rapport.gateway.domain;

import java.util.Set;

/**
 * Who sent a request: a user authenticated by a JWT (subject and roles) or a partner system authenticated by
 * an API key (partner id and scopes). Exactly one of the two shapes is filled.
 */
public record Caller(Kind kind, String id, Set<String> roles, Set<String> scopes) {
    public enum Kind {
        USER,
        PARTNER
    }

    public static Caller user(String subject, Set<String> roles) {
        return new Caller(Kind.USER, subject, Set.copyOf(roles), Set.of());
    }

    public static Caller partner(String partnerId, Set<String> scopes) {
        return new Caller(Kind.PARTNER, partnerId, Set.of(), Set.copyOf(scopes));
    }

    public boolean isPartner() {
        return kind == Kind.PARTNER;
    }

    /** The key rate limits are counted under: one bucket per user, one per partner (whatever its keys). */
    public String rateLimitKey() {
        return (isPartner() ? "partner:" : "user:") + id;
    }
}
