package io.rapport.platform.identity;

import java.util.Set;

/**
 * What a service token says about the caller: the subject ("alice", or "partner:&lt;id&gt;" for a partner system),
 * its roles and, for partner systems, the partner id. The gateway signs one for every request it forwards
 * ({@link ServiceTokenSigner}); every service verifies it ({@link ServiceTokenVerifier}).
 *
 * <p>A service other than the gateway that calls another service on its own behalf (engagement reading a recipient
 * at send time) signs with its OWN key and issuer = its name; such a token names only that service
 * ({@link #service()}, subject = the service's name, no roles, no partner) and passes only the routes whose
 * {@link Allow#services()} name it.
 *
 * <p>Format (a JWS, RS256): {@code iss} (default {@value #DEFAULT_ISSUER}; a calling service: its name), {@code aud}
 * (the target service's name, e.g. {@code customer-service}), {@code sub}, {@code groups} (roles), {@code partner_id}
 * (partners only), {@code iat}, {@code exp}, {@code jti}.
 */
public record ServiceToken(String subject, Set<String> roles, String partnerId, String service) {
    public static final String DEFAULT_ISSUER = "rapport-gateway";
    public static final String ROLES_CLAIM = "groups";
    public static final String PARTNER_CLAIM = "partner_id";

    public ServiceToken {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A token the gateway signs for a person or partner (no calling service). */
    public ServiceToken(String subject, Set<String> roles, String partnerId) {
        this(subject, roles, partnerId, null);
    }

    public static ServiceToken user(String subject, Set<String> roles) {
        return new ServiceToken(subject, roles, null, null);
    }

    public static ServiceToken partner(String partnerId) {
        return new ServiceToken("partner:" + partnerId, Set.of(), partnerId, null);
    }

    /** A service calling on its own behalf: subject = its name, no roles, no partner. */
    public static ServiceToken service(String name) {
        return new ServiceToken(name, Set.of(), null, name);
    }

    /** Whether a service (not the gateway on behalf of a person or partner) is the caller. */
    public boolean isService() {
        return service != null;
    }
}
