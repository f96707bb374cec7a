package io.rapport.platform.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How services verify service tokens ({@code rapport.service-token.*}); the gateway signs with the same issuer and
 * lifetime. The gateway's key is trusted for people and partners; the keys under {@link #services()} are trusted only
 * for their own service's identity.
 */
@ConfigMapping(prefix = "rapport.service-token")
public interface ServiceTokenConfig {
    /** Whether this application verifies service tokens (every service: yes; the gateway, which signs them: no). */
    @WithDefault("true")
    boolean verify();

    /** The {@code iss} the gateway writes and services expect. */
    @WithDefault(ServiceToken.DEFAULT_ISSUER)
    String issuer();

    /** The {@code aud} this service accepts: its own name (the gateway addresses each token to one service). */
    Optional<String> audience();

    /** The gateway's public key (PEM file: path, {@code file:} or {@code classpath:}). Required when verifying. */
    Optional<String> publicKeyLocation();

    /**
     * Other services that may call this one on their own behalf, by name (= the {@code iss} and {@code sub} of their
     * tokens), e.g. {@code rapport.service-token.services.engagement-service.public-key-location}. Such a token is
     * only that service's identity (never a person's, never any role) and passes only routes whose
     * {@link Allow#services()} name the service, with GET or HEAD. Empty by default: only the gateway is trusted.
     */
    Map<String, TrustedService> services();

    /** Longest a token is accepted after its {@code iat}; also the lifetime the gateway gives its tokens. */
    @WithDefault("60s")
    Duration maxAge();

    /** Clock difference tolerated between the gateway and a service. */
    @WithDefault("10s")
    Duration clockSkew();

    /** A calling service this service trusts with its own key. */
    interface TrustedService {
        /** That service's public key (PEM: path, {@code file:} or {@code classpath:}); never the gateway's. */
        String publicKeyLocation();
    }
}
