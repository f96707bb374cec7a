package io.rapport.platform.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A JWT signed with RS256 in its compact form ({@code header.payload.signature}, base64url without padding), with
 * nothing but the JDK and Jackson: the development tokens ({@link UserTokens}) and the benchmark's service tokens are
 * signed here, so a light client (the bench) needs no JOSE library. The gateway's production service tokens use
 * {@link ServiceTokenSigner}; both verify the same way.
 */
public final class Rs256 {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8);

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

    /** {@code claims} as a compact JWS signed with {@code key} (RS256). */
    public static String sign(PrivateKey key, Map<String, ?> claims) {
        try {
            String signed = B64.encodeToString(HEADER) + "." + B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }
}
