package io.rapport.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay's knobs; each can be set by environment, e.g. RAPPORT_OUTBOX_BATCH_SIZE. */
@ConfigMapping(prefix = "rapport.outbox")
public interface OutboxConfig {
    /** Whether this replica runs the relay at all (only one replica publishes at a time anyway). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Longest pause between relay polls; a commit that wrote outbox rows wakes the relay at once. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Rows published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long sent rows are kept before they are pruned. */
    @WithDefault("P7D")
    Duration retention();

    /** How often sent rows are pruned. */
    @WithDefault("10m")
    String pruneInterval();

    /** How often the backlog metrics are refreshed. */
    @WithDefault("5s")
    String metricsInterval();

    /** Upper bound of the retry backoff while Kafka is unreachable. */
    @WithDefault("PT30S")
    Duration maxBackoff();
}
