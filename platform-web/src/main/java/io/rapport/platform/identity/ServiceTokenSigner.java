package io.rapport.platform.identity;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs {@link ServiceToken}s (RS256) for one audience at a time; used by the gateway. Thread-safe. */
public final class ServiceTokenSigner {
    private final PrivateKey key;
    private final String issuer;
    private final Duration lifetime;

    public ServiceTokenSigner(PrivateKey key, String issuer, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A token for {@code audience} issued now, expiring after the configured lifetime. */
    public String sign(ServiceToken token, String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(token.subject());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + lifetime.toSeconds()));
        claims.setGeneratedJwtId();
        claims.setStringListClaim(ServiceToken.ROLES_CLAIM, List.copyOf(new java.util.TreeSet<>(token.roles())));
        if (token.partnerId() != null) {
            claims.setStringClaim(ServiceToken.PARTNER_CLAIM, token.partnerId());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a service token: " + e.getMessage(), e);
        }
    }
}
