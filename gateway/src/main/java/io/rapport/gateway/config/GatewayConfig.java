package io.rapport.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway is told from outside: upstreams, partner keys, limits. */
@ConfigMapping(prefix = "rapport.gateway")
public interface GatewayConfig {

    /** Upstream services by name ({@code customer}, {@code segmentation}, {@code engagement}, {@code loyalty}). */
    Map<String, Upstream> upstreams();

    /** Partner API keys by a label of the operator's choice; only the SHA-256 of each key is configured. */
    Map<String, ApiKey> apiKeys();

    RateLimit rateLimit();

    Bulkhead bulkhead();

    Customer360 customer360();

    OpenApi openapi();

    ServiceToken serviceToken();

    /** Path prefixes whose bodies may reach {@code rapport.http.max-large-body-size} (bulk imports). */
    @WithDefault("/api/v1/customers/import")
    List<String> largeBodyPaths();

    interface Upstream {
        /** Base URL, e.g. {@code http://customer-service:8080}; the request path is appended unchanged. */
        String url();

        /** Shown in problems and logs, e.g. {@code customer-service}. */
        Optional<String> serviceName();

        /** Time allowed to obtain a connection (including the TCP connect). */
        @WithDefault("1s")
        Duration connectTimeout();

        /** Longest silence allowed once the request is sent (no response headers or body bytes): then 504. */
        @WithDefault("10s")
        Duration timeout();

        /** Connections kept open to this upstream per gateway instance. */
        @WithDefault("64")
        int maxConnections();

        /** Consecutive failures (refused, timed out, 502/503/504) that open the circuit. */
        @WithDefault("5")
        int breakerFailureThreshold();

        /** How long an open circuit answers 503 at once before one trial request is let through. */
        @WithDefault("10s")
        Duration breakerOpenDuration();
    }

    interface ApiKey {
        /** Lower-case hex SHA-256 of the key as the partner sends it in {@code X-Api-Key}. */
        String sha256();

        /** The partner this key acts for; passed to loyalty as {@code X-Rapport-Partner-Id}. */
        String partnerId();

        /** {@code partner:read} (GET, HEAD) and/or {@code partner:write} (other methods). */
        List<String> scopes();

        /** Bucket size for this key's partner, overriding the default. */
        Optional<Integer> rateLimitCapacity();

        /** Refill rate for this key's partner (tokens per second), overriding the default. */
        Optional<Double> rateLimitPerSecond();
    }

    interface RateLimit {
        /** Bucket size: the largest burst one principal may send. */
        @WithDefault("200")
        int capacity();

        /** Sustained requests per second per principal. */
        @WithDefault("100")
        double perSecond();
    }

    interface Bulkhead {
        /**
         * Requests one principal (user or partner) may have in flight at once in one gateway instance; beyond,
         * 429 with Retry-After. Keeps one caller's slow requests from taking every upstream connection.
         */
        @WithDefault("16")
        int maxInFlightPerCaller();
    }

    interface Customer360 {
        /** The whole composition answers within this time; parts still missing are marked unavailable. */
        @WithDefault("2s")
        Duration timeout();
    }

    /**
     * The tokens the gateway signs for the services (issuer and lifetime come from {@code rapport.service-token.*}).
     */
    interface ServiceToken {
        /** The gateway's private signing key (PEM, PKCS#8): path, {@code file:} or {@code classpath:}. */
        String privateKeyLocation();
    }

    interface OpenApi {
        /** How long a merged document is reused before the upstreams are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** Time allowed for each upstream's document. */
        @WithDefault("3s")
        Duration fetchTimeout();
    }
}
