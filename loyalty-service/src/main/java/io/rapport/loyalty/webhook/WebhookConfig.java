package io.rapport.loyalty.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Partner webhooks (README, "Webhooks"); each setting can come from the environment (RAPPORT_WEBHOOKS_TIMEOUT...). */
@ConfigMapping(prefix = "rapport.webhooks")
public interface WebhookConfig {
    /**
     * AES-256 key (32 bytes, base64) that encrypts the signing secrets at rest. The dev and test profiles have a
     * default; any other profile refuses to start without one (RAPPORT_WEBHOOKS_ENCRYPTION_KEY).
     */
    Optional<String> encryptionKey();

    /**
     * Admin allow-list of targets exempt from the SSRF rule: host names, IP addresses or CIDR ranges (e.g.
     * 127.0.0.1, 10.1.0.0/16, hooks.internal). Allow-listed targets may also use plain http.
     */
    Optional<List<String>> allowedTargets();

    /** Connect and response timeout of one delivery attempt. */
    @WithDefault("PT5S")
    Duration timeout();

    /** How long an old secret stays valid after a rotation (both signatures are sent meanwhile). */
    @WithDefault("PT24H")
    Duration rotationGrace();

    /** Deliveries one dispatcher pass claims per transaction (and then sends one after another). */
    @WithDefault("10")
    int batchSize();

    /**
     * How long a claimed delivery is reserved for the replica that claimed it (then another may take it, so a crashed
     * replica's claims return). Keep it above batch-size x (timeout + 1 s), or a slow batch may be sent twice.
     */
    @WithDefault("PT5M")
    Duration lease();

    /** Subscriptions one owner may have. */
    @WithDefault("20")
    int maxSubscriptionsPerOwner();

    /** Delivered and failed deliveries older than this leave the log. */
    @WithDefault("P30D")
    Duration logRetention();

    Retry retry();

    /** Exponential backoff with jitter ({@link RetrySchedule}). */
    interface Retry {
        @WithDefault("PT5S")
        Duration initial();

        @WithDefault("3")
        double multiplier();

        @WithDefault("PT3H")
        Duration max();

        /** Retries go on for at least this long after the first attempt; then the subscription is disabled. */
        @WithDefault("PT24H")
        Duration window();

        @WithDefault("0.2")
        double jitter();
    }

    default RetrySchedule schedule() {
        return new RetrySchedule(
                retry().initial(), retry().multiplier(), retry().max(), retry().window(), retry().jitter());
    }
}
