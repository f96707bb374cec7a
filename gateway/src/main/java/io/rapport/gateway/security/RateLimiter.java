package io.rapport.gateway.security;

import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per principal (user or partner), in this gateway instance's memory: with N replicas a
 * principal may send up to N times the configured rate. Partners may have their own size and rate on their
 * key. Buckets of idle principals (full again) are dropped once there are many.
 */
@ApplicationScoped
public class RateLimiter {
    private static final int PRUNE_ABOVE = 50_000;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimit defaults;
    private final ApiKeyRegistry apiKeys;
    private final Clock clock;

    public RateLimiter(GatewayConfig config, ApiKeyRegistry apiKeys, Clock clock) {
        this.clock = clock;
        this.defaults = config.rateLimit();
        this.apiKeys = apiKeys;
    }

    /** Takes one token for {@code caller}: 0 when allowed, else the nanoseconds to wait. */
    public long tryTake(Caller caller) {
        long now = nanos(clock.instant());
        TokenBucket bucket = buckets.get(caller.rateLimitKey());
        if (bucket == null) {
            if (buckets.size() > PRUNE_ABOVE) {
                buckets.values().removeIf(b -> b.isFull(now));
            }
            bucket = buckets.computeIfAbsent(caller.rateLimitKey(), k -> newBucket(caller, now));
        }
        return bucket.tryTake(now);
    }

    /** Nanoseconds since the epoch (a long holds them until 2262). */
    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private TokenBucket newBucket(Caller caller, long now) {
        int capacity = defaults.capacity();
        double perSecond = defaults.perSecond();
        if (caller.isPartner()) {
            var key = apiKeys.ofPartner(caller.id());
            if (key.isPresent()) {
                capacity = key.get().rateLimitCapacity().orElse(capacity);
                perSecond = key.get().rateLimitPerSecond().orElse(perSecond);
            }
        }
        return new TokenBucket(capacity, perSecond, now);
    }
}
