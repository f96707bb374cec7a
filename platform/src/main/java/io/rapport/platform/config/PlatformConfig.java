package io.rapport.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tuning knobs of the platform; every one can be set by environment (e.g. RAPPORT_OUTBOX_BATCH_SIZE). */
@ConfigMapping(prefix = "rapport")
public interface PlatformConfig {

    Outbox outbox();

    Inbox inbox();


    interface Outbox {
        /** Whether this replica runs the relay at all (only one replica publishes at a time anyway). */
        @WithDefault("true")
        boolean relayEnabled();

        /** Rows published per relay transaction. */
        @WithDefault("500")
        int batchSize();

        /** How long sent rows are kept before they are pruned. */
        @WithDefault("P7D")
        Duration retention();

        /** Upper bound of the retry backoff while Kafka is unreachable. */
        @WithDefault("PT30S")
        Duration maxBackoff();
    }

    interface Inbox {
        /** Attempts for one record before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /** Pause before the first retry; doubles for every further attempt. */
        @WithDefault("PT0.1S")
        Duration retryBackoff();

        /** How long processed event ids are remembered (longer than any topic's retention). */
        @WithDefault("P90D")
        Duration retention();
    }

}
