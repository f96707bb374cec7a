package io.rapport.platform.identity;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The user tokens the gateway verifies ({@code mp.jwt.verify.*}), signed the one way that the dev profile's console
 * sign-in, {@code ./crm token} and the benchmarks share: RS256 ({@link Rs256}), issuer and audience as the gateway
 * expects them, the subject also as {@code upn}, the roles in {@code groups}. In production an identity provider
 * issues these tokens; the development key pair lives under {@code .rapport/dev-jwt/}.
 */
public final class UserTokens {
    /** The issuer the gateway's dev profile trusts. */
    public static final String DEV_ISSUER = "rapport-dev";
    /** The audience the gateway expects ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "rapport-api";

    private UserTokens() {}

    /** A token for {@code subject} with {@code roles}, issued at {@code issuedAt}, valid for {@code ttl}. */
    public static String sign(
            PrivateKey key,
            String issuer,
            String audience,
            String subject,
            Collection<String> roles,
            Instant issuedAt,
            Duration ttl) {
        Map<String, Object> claims = Rs256.claims(issuer, audience, subject, roles, issuedAt, ttl);
        claims.put("upn", subject);
        return Rs256.sign(key, claims);
    }

    /** A development token: issuer {@value #DEV_ISSUER}, audience {@value #AUDIENCE}. */
    public static String dev(PrivateKey key, String subject, Collection<String> roles, Instant issuedAt, Duration ttl) {
        return sign(key, DEV_ISSUER, AUDIENCE, subject, roles, issuedAt, ttl);
    }
}
