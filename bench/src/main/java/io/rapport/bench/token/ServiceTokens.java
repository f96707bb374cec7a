package io.rapport.bench.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For benchmarks that call a service directly (not through the gateway): a service token as the gateway signs it
 * (issuer rapport-gateway, audience the service, role admin, 60 s), signed with the dev service-token key under
 * {@code .rapport/service-jwt/} that a dev-profile service trusts (or one started with
 * {@code RAPPORT_SERVICE_TOKEN_PUBLIC_KEY_LOCATION=file:.rapport/service-jwt/public.pem}). Re-signed every 30 s.
 */
public final class ServiceTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ConcurrentHashMap<String, String[]> CACHE = new ConcurrentHashMap<>();

    private ServiceTokens() {}

    /** {@code Bearer <token>} for the service named {@code audience} (e.g. customer-service). */
    public static String bearer(String audience) {
        long now = Instant.now().getEpochSecond();
        String[] cached = CACHE.get(audience);
        if (cached == null || Long.parseLong(cached[1]) < now) {
            cached = new String[] {"Bearer " + sign(audience, now), Long.toString(now + 30)};
            CACHE.put(audience, cached);
        }
        return cached[0];
    }

    private static String sign(String audience, long now) {
        try {
            PrivateKey key = DevKeys.servicePrivateKey();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", "rapport-gateway");
            claims.put("aud", audience);
            claims.put("sub", "bench");
            claims.put("groups", List.of("admin"));
            claims.put("iat", now);
            claims.put("exp", now + 60);
            claims.put("jti", UUID.randomUUID().toString());
            String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a dev service token: " + e.getMessage(), e);
        }
    }
}
