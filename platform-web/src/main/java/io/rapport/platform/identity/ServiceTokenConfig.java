package io.rapport.platform.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How services verify the gateway's service tokens ({@code rapport.service-token.*}); the gateway signs with the
 * same issuer and lifetime.
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

    /** Longest a token is accepted after its {@code iat}; also the lifetime the gateway gives its tokens. */
    @WithDefault("60s")
    Duration maxAge();

    /** Clock difference tolerated between the gateway and a service. */
    @WithDefault("10s")
    Duration clockSkew();
}
