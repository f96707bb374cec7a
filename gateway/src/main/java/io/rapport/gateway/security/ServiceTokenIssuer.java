package io.rapport.gateway.security;

import io.quarkus.runtime.Startup;
import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.Caller;
import io.rapport.platform.identity.PemKeys;
import io.rapport.platform.identity.ServiceToken;
import io.rapport.platform.identity.ServiceTokenConfig;
import io.rapport.platform.identity.ServiceTokenSigner;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Signs the short-lived token the gateway sends with every request it forwards ({@code Authorization: Bearer}):
 * addressed to the one service it goes to ({@code aud} = that service's name), carrying the authenticated
 * subject, roles and partner id. An RSA signature costs far more than the rest of a proxied request (tens of
 * milliseconds with the C1-only JVM of {@code ./crm up}), so a token is reused for the same caller and service:
 * <ul>
 * <li>until {@link #refreshMargin} before it expires (60 s tokens: 48 s; 5 min tokens: 4 min), which leaves it at least
 * 10 s of life when a service checks it (services tolerate {@code rapport.service-token.clock-skew} more);</li>
 * <li>and from five sixths of that time on (40 s; 200 s), a request still gets the current token while its successor is
 * signed once on a worker thread, so a caller that keeps sending never waits for a signature after its first.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class ServiceTokenIssuer {
    private record Key(Caller caller, String audience) {}

    private record Signed(String token, long refreshFromMillis, long reuseUntilMillis, AtomicBoolean refreshing) {}

    private static final int MAX_ENTRIES = 50_000;
    private static final Duration MIN_MARGIN = Duration.ofSeconds(10);

    private final ServiceTokenSigner signer;
    private final long reuseMillis;
    private final long refreshFromMillis;
    private final Clock clock;
    private final Executor background;
    private final ConcurrentHashMap<Key, Signed> signed = new ConcurrentHashMap<>();

    @Inject
    public ServiceTokenIssuer(GatewayConfig gateway, ServiceTokenConfig tokens, Clock clock, Vertx vertx) {
        this(
                new ServiceTokenSigner(
                        PemKeys.privateKey(gateway.serviceToken().privateKeyLocation()),
                        tokens.issuer(),
                        tokens.maxAge()),
                clock,
                task -> vertx.executeBlocking(
                        () -> {
                            task.run();
                            return null;
                        },
                        false));
    }

    ServiceTokenIssuer(ServiceTokenSigner signer, Clock clock, Executor background) {
        this.signer = signer;
        this.clock = clock;
        this.background = background;
        Duration lifetime = signer.lifetime();
        this.reuseMillis = Math.max(
                lifetime.toMillis() / 2, lifetime.minus(refreshMargin(lifetime)).toMillis());
        this.refreshFromMillis = reuseMillis * 5 / 6;
    }

    /** How long before its expiry a token is no longer sent: a fifth of its lifetime, at least 10 s. */
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
            entry = sign(key, now);
        } else if (entry.refreshFromMillis() <= now && entry.refreshing().compareAndSet(false, true)) {
            background.execute(() -> sign(key, clock.millis()));
        }
        return entry.token();
    }

    private Signed sign(Key key, long now) {
        Signed entry = new Signed(
                signer.sign(serviceToken(key.caller()), key.audience()),
                now + refreshFromMillis,
                now + reuseMillis,
                new AtomicBoolean());
        if (signed.size() >= MAX_ENTRIES) {
            signed.clear();
        }
        signed.put(key, entry);
        return entry;
    }

    static ServiceToken serviceToken(Caller caller) {
        return caller.isPartner()
                ? ServiceToken.partner(caller.id())
                : ServiceToken.user(caller.id(), Set.copyOf(caller.roles()));
    }
}
