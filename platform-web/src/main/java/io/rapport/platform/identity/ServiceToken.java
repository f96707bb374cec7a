package io.rapport.platform.identity;

import java.util.Set;

/**
 * What a service token says about the caller: the subject ("alice", or "partner:&lt;id&gt;" for a partner system),
 * its roles and, for partner systems, the partner id. The gateway signs one for every request it forwards
 * ({@link ServiceTokenSigner}); every service verifies it ({@link ServiceTokenVerifier}).
 *
 * <p>Format (a JWS, RS256): {@code iss} (default {@value #DEFAULT_ISSUER}), {@code aud} (the target service's
 * name, e.g. {@code customer-service}), {@code sub}, {@code groups} (roles), {@code partner_id} (partners only),
 * {@code iat}, {@code exp}, {@code jti}.
 */
public record ServiceToken(String subject, Set<String> roles, String partnerId) {
    public static final String DEFAULT_ISSUER = "rapport-gateway";
    public static final String ROLES_CLAIM = "groups";
    public static final String PARTNER_CLAIM = "partner_id";

    public ServiceToken {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static ServiceToken user(String subject, Set<String> roles) {
        return new ServiceToken(subject, roles, null);
    }

    public static ServiceToken partner(String partnerId) {
        return new ServiceToken("partner:" + partnerId, Set.of(), partnerId);
    }
}
