package io.rapport.platform.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * A JWT signed with RS256 in its compact form, through jose4j (the library the services verify with): the one signer
 * of the gateway's service tokens ({@link ServiceTokenSigner}), the development tokens ({@link UserTokens}) and the
 * benchmark's tokens (the bench takes jose4j alone, no framework).
 */
public final class Rs256 {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rs256() {}

    /**
     * The claims every Rapport token carries: {@code iss}, {@code aud}, {@code sub}, the roles in {@code groups},
     * {@code iat} = {@code issuedAt}, {@code exp} = {@code issuedAt + ttl} (whole seconds) and a random {@code jti}.
     * The map is mutable and ordered, for a caller to add its own claims.
     */
    public static Map<String, Object> claims(
            String issuer, String audience, String subject, Collection<String> roles, Instant issuedAt, Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put(ServiceToken.ROLES_CLAIM, List.copyOf(roles));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** {@code claims} as a compact JWS signed with {@code key} (RS256, jose4j as for verifying). */
    public static String sign(PrivateKey key, Map<String, ?> claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(JSON.writeValueAsString(claims));
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            return jws.getCompactSerialization();
        } catch (JsonProcessingException | JoseException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }
}
