package io.rapport.gateway.security;

import io.quarkus.runtime.Startup;
import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.Caller;
import io.rapport.platform.identity.PemKeys;
import io.rapport.platform.identity.ServiceToken;
import io.rapport.platform.identity.ServiceTokenConfig;
import io.rapport.platform.identity.ServiceTokenSigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs the short-lived token the gateway sends with every request it forwards ({@code Authorization: Bearer}):
 * addressed to the one service it goes to ({@code aud} = that service's name), carrying the authenticated
 * subject, roles and partner id. A token is reused for the same caller and service for half its lifetime, so the
 * gateway does not pay an RSA signature per request; services accept it until its maximum age.
 */
@Startup
@ApplicationScoped
public class ServiceTokenIssuer {
    private record Key(Caller caller, String audience) {
    }

    private record Signed(String token, long reuseUntilMillis) {
    }

    private static final int MAX_ENTRIES = 50_000;

    private final ServiceTokenSigner signer;
    private final long reuseMillis;
    private final ConcurrentHashMap<Key, Signed> signed = new ConcurrentHashMap<>();

    public ServiceTokenIssuer(GatewayConfig gateway, ServiceTokenConfig tokens) {
        this.signer = new ServiceTokenSigner(PemKeys.privateKey(gateway.serviceToken().privateKeyLocation()),
                tokens.issuer(), tokens.maxAge());
        this.reuseMillis = tokens.maxAge().toMillis() / 2;
    }

    /** A token for {@code caller} addressed to the service named {@code audience}. */
    public String tokenFor(Caller caller, String audience) {
        long now = System.currentTimeMillis();
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
