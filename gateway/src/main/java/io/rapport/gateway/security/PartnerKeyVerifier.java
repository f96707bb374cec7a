package io.rapport.gateway.security;

import io.rapport.gateway.domain.ApiKeyHash;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.proxy.Upstream;
import io.rapport.gateway.proxy.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Verifies partner keys issued through loyalty-service ({@code rpk_...}): the SHA-256 of the presented key is looked up
 * at {@code GET /api/v1/loyalty/internal/partner-keys/{sha256}} with the gateway's own service token, and the answer
 * (a partner, or none for an unknown, revoked or inactive partner's key) is cached for at most
 * {@link PartnerKeysConfig#cacheTtl()} (10 s), the longest a revocation takes to hold. A failed lookup is not cached.
 */
@ApplicationScoped
public class PartnerKeyVerifier {
    public static final String ISSUED_PREFIX = "rpk_";
    /** The identity the gateway's own lookups carry to loyalty (an admin service token). */
    static final Caller GATEWAY = Caller.user("rapport-gateway", Set.of("admin"));

    private static final long MAX_TTL_NANOS = 10_000_000_000L;

    private record Answer(Optional<Caller> caller, long expiresNanos) {}

    private final Upstreams upstreams;
    private final ServiceTokenIssuer tokens;
    private final long ttlNanos;
    private final long timeoutMillis;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Answer> cache = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public PartnerKeyVerifier(Upstreams upstreams, ServiceTokenIssuer tokens, PartnerKeysConfig config) {
        this(upstreams, tokens, config, System::nanoTime);
    }

    PartnerKeyVerifier(
            Upstreams upstreams, ServiceTokenIssuer tokens, PartnerKeysConfig config, LongSupplier nanoTime) {
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.ttlNanos = config.cacheTtl().toNanos();
        if (ttlNanos < 0 || ttlNanos > MAX_TTL_NANOS) {
            throw new IllegalStateException("rapport.gateway.partner-keys.cache-ttl must be between 0 and 10 s");
        }
        this.timeoutMillis = config.timeout().toMillis();
        this.maxEntries = config.maxEntries();
        this.nanoTime = nanoTime;
    }

    /** Whether the key has the shape of a key loyalty issued (others are only looked up in the configuration). */
    public static boolean issued(String key) {
        return key.startsWith(ISSUED_PREFIX) && key.length() <= 128;
    }

    /** The partner the key acts for, or empty when it is unknown or revoked; fails when loyalty cannot answer. */
    public Future<Optional<Caller>> verify(String key) {
        String digest = ApiKeyHash.sha256Hex(key);
        long now = nanoTime.getAsLong();
        Answer known = cache.get(digest);
        if (known != null && known.expiresNanos() - now > 0) {
            return Future.succeededFuture(known.caller());
        }
        Upstream loyalty = upstreams.get("loyalty");
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.tokenFor(GATEWAY, loyalty.serviceName()))
                .add(HttpHeaders.ACCEPT, "application/json");
        return loyalty.get("/api/v1/loyalty/internal/partner-keys/" + digest, headers, timeoutMillis)
                .compose(reply -> {
                    Optional<Caller> caller;
                    if (reply.status() == 404) {
                        caller = Optional.empty();
                    } else if (reply.status() == 200) {
                        caller = partner(reply.body().toJsonObject());
                    } else {
                        return Future.failedFuture(
                                new IllegalStateException("loyalty answered " + reply.status() + " to a key lookup"));
                    }
                    if (cache.size() >= maxEntries) {
                        cache.clear();
                    }
                    cache.put(digest, new Answer(caller, nanoTime.getAsLong() + ttlNanos));
                    return Future.succeededFuture(caller);
                });
    }

    static Optional<Caller> partner(JsonObject verified) {
        if (!"ACTIVE".equals(verified.getString("status")) || verified.getString("partnerId") == null) {
            return Optional.empty();
        }
        Set<String> scopes = new HashSet<>();
        JsonArray s = verified.getJsonArray("scopes", new JsonArray());
        for (int i = 0; i < s.size(); i++) {
            scopes.add(s.getString(i));
        }
        return Optional.of(Caller.partner(verified.getString("partnerId"), scopes));
    }
}
