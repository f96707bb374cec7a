package io.rapport.platform.identity;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;

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

    /**
     * A token for {@code audience} issued now, expiring after the configured lifetime. Now is the system time, not the
     * service's injected Clock: a token's validity is a security fact that the receiving service checks against its
     * system time (jose4j), and a test that moves a service's business clock must not make its tokens expire.
     */
    public String sign(ServiceToken token, String audience) {
        Map<String, Object> claims =
                Rs256.claims(issuer, audience, token.subject(), new TreeSet<>(token.roles()), Instant.now(), lifetime);
        if (token.partnerId() != null) {
            claims.put(ServiceToken.PARTNER_CLAIM, token.partnerId());
        }
        return Rs256.sign(key, claims);
    }
}
