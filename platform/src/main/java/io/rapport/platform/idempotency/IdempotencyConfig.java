package io.rapport.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code Idempotency-Key} mechanism's knobs (RAPPORT_IDEMPOTENCY_TTL, RAPPORT_IDEMPOTENCY_CLEANUP_INTERVAL). */
@ConfigMapping(prefix = "rapport.idempotency")
public interface IdempotencyConfig {
    /** How long a stored answer is replayed; afterwards the key may be used again. */
    @WithDefault("PT24H")
    Duration ttl();

    /** How often expired records are deleted. */
    @WithDefault("10m")
    String cleanupInterval();

    /** Records deleted per cleanup statement. */
    @WithDefault("1000")
    int cleanupBatchSize();
}
