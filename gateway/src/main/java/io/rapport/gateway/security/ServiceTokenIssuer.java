package io.rapport.gateway.security;

import io.quarkus.runtime.Startup;
import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.Caller;
import io.rapport.platform.identity.PemKeys;
import io.rapport.platform.identity.ServiceToken;
import io.rapport.platform.identity.ServiceTokenConfig;
import io.rapport.platform.identity.ServiceTokenSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the short-lived token the gateway sends with every request it forwards ({@code Authorization: Bearer}):
 * addressed to the one service it goes to ({@code aud} = that service's name), carrying the authenticated
 * subject, roles and partner id. An RSA signature costs far more than the rest of a proxied request, so a token is
 * reused for the same caller and service for most of its lifetime: until {@link #refreshMargin} before it expires
 * (60 s tokens: 48 s of reuse; 5 min tokens: 4 min). The margin leaves a reused token at least 10 s of life when a
 * service checks it (and services tolerate {@code rapport.service-token.clock-skew} more), so it is never refused as
 * expired on arrival.
 */
@Startup
@ApplicationScoped
public class ServiceTokenIssuer {
    private record Key(Caller caller, String audience) {
    }

    private record Signed(String token, long reuseUntilMillis) {
    }

    private static final int MAX_ENTRIES = 50_000;
    private static final Duration MIN_MARGIN = Duration.ofSeconds(10);

    private final ServiceTokenSigner signer;
    private final long reuseMillis;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Signed> signed = new ConcurrentHashMap<>();

    @Inject
    public ServiceTokenIssuer(GatewayConfig gateway, ServiceTokenConfig tokens, Clock clock) {
        this(new ServiceTokenSigner(PemKeys.privateKey(gateway.serviceToken().privateKeyLocation()), tokens.issuer(),
                tokens.maxAge()), clock);
    }

    ServiceTokenIssuer(ServiceTokenSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
        Duration lifetime = signer.lifetime();
        this.reuseMillis = Math.max(lifetime.toMillis() / 2, lifetime.minus(refreshMargin(lifetime)).toMillis());
    }

    /** How long before its expiry a token is replaced: a fifth of its lifetime, at least 10 s. */
    static Duration refreshMargin(Duration lifetime) {
        Duration fifth = lifetime.dividedBy(5);
        return fifth.compareTo(MIN_MARGIN) > 0 ? fifth : MIN_MARGIN;
    }

    /** A token for {@code caller} addressed to the service named {@code audience}. */
    public String tokenFor(Caller caller, String audience) {
        long now = clock.millis();
        Key key = new Key(caller, audience);
        Signed entry = signed.get(key);
        if (entry == null || entry.reuseUntilMillis() <= now) {
            if (signed.size() >= MAX_ENTRIES) {
                signed.clear();
            }
            entry = new Signed(signer.sign(serviceToken(caller), audience), now + reuseMillis);
            signed.put(key, entry);
        }
        return entry.token();
    }

    static ServiceToken serviceToken(Caller caller) {
        return caller.isPartner() ? ServiceToken.partner(caller.id()) : ServiceToken.user(caller.id(), Set.copyOf(caller.roles()));
    }
}
