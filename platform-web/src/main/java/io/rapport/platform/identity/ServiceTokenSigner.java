package io.rapport.platform.identity;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

/** Signs {@link ServiceToken}s (RS256) for one audience at a time; used by the gateway. Thread-safe. */
public final class ServiceTokenSigner {
    private final PrivateKey key;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    /** Tokens issued at the time of {@code clock} (the service's injected Clock, so tests can move it). */
    public ServiceTokenSigner(PrivateKey key, String issuer, Duration lifetime, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Tokens issued at the system time. */
    public ServiceTokenSigner(PrivateKey key, String issuer, Duration lifetime) {
        this(key, issuer, lifetime, Clock.systemUTC());
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A token for {@code audience} issued now, expiring after the configured lifetime. */
    public String sign(ServiceToken token, String audience) {
        Map<String, Object> claims = Rs256.claims(
                issuer, audience, token.subject(), new TreeSet<>(token.roles()), clock.instant(), lifetime);
        if (token.partnerId() != null) {
            claims.put(ServiceToken.PARTNER_CLAIM, token.partnerId());
        }
        return Rs256.sign(key, claims);
    }
}
