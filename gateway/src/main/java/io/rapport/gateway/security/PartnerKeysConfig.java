package io.rapport.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Partner API keys issued through loyalty-service (README "Partner API keys"): the gateway asks loyalty which partner a
 * presented key's hash belongs to and keeps the answer for {@code cacheTtl}, so a revoked key is refused, and a new key
 * accepted, within that window without a restart.
 */
@ConfigMapping(prefix = "rapport.gateway.partner-keys")
public interface PartnerKeysConfig {
    /** How long an answer (known, unknown or revoked) is reused; at most 10 s (the gateway refuses to start otherwise). */
    @WithDefault("PT10S")
    Duration cacheTtl();

    /** Time allowed for loyalty's answer before the request gets 503. */
    @WithDefault("PT2S")
    Duration timeout();

    /** Answers kept at most (a full cache is cleared). */
    @WithDefault("10000")
    int maxEntries();
}
