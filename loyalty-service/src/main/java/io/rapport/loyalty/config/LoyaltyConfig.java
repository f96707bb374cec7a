package io.rapport.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** loyalty-service settings; each can be set by environment (e.g. RAPPORT_LOYALTY_JOBS_BATCH_SIZE). */
@ConfigMapping(prefix = "rapport.loyalty")
public interface LoyaltyConfig {

    Jobs jobs();

    /** How long a replica reuses a programme's rules before reading them again. */
    @WithDefault("PT10S")
    java.time.Duration rulesCacheTtl();

    interface Jobs {
        /** Members claimed per transaction by the tier evaluation and the expiry job. */
        @WithDefault("200")
        int batchSize();

        /** Whether this replica runs the scheduled jobs (they are safe to run on every replica). */
        @WithDefault("true")
        boolean enabled();
    }
}
