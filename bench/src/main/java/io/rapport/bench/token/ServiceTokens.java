package io.rapport.bench.token;

import io.rapport.platform.identity.Rs256;
import io.rapport.platform.identity.ServiceToken;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For benchmarks that call a service directly (not through the gateway): a service token as the gateway signs it
 * (issuer rapport-gateway, audience the service, role admin, 60 s; {@link Rs256}), signed with the dev service-token key under
 * {@code .rapport/service-jwt/} that a dev-profile service trusts (or one started with
 * {@code RAPPORT_SERVICE_TOKEN_PUBLIC_KEY_LOCATION=file:.rapport/service-jwt/public.pem}). Re-signed every 30 s.
 */
public final class ServiceTokens {
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
        PrivateKey key;
        try {
            key = DevKeys.servicePrivateKey();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dev service-token key: " + e.getMessage(), e);
        }
        return Rs256.sign(
                key,
                Rs256.claims(
                        ServiceToken.DEFAULT_ISSUER,
                        audience,
                        "bench",
                        List.of("admin"),
                        Instant.ofEpochSecond(now),
                        Duration.ofSeconds(60)));
    }
}
