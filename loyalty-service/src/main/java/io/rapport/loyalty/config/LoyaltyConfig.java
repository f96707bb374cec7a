package io.rapport.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** loyalty-service settings; each can be set by environment (e.g. RAPPORT_LOYALTY_JOBS_BATCH_SIZE). */
@ConfigMapping(prefix = "rapport.loyalty")
public interface LoyaltyConfig {

    Jobs jobs();

    Partners partners();

    Earning earning();

    /** Earning on purchases (README, "Earning"; docs/domain-rules.md). */
    interface Earning {
        /**
         * Whether a purchase dated before the customer enrolled earns points in that programme (e.g. imported history).
         * Off by default: membership starts earning at enrolment.
         */
        @WithDefault("false")
        boolean purchasesBeforeEnrolment();
    }

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

    /** Partner redemptions (README, "Partner redemption"); a partner's own limits override the two limits here. */
    interface Partners {
        /** How long a redemption code the member got stays usable. */
        @WithDefault("PT10M")
        java.time.Duration codeTtl();

        /** Wrong codes tried for one member at one partner before the member's outstanding codes there are burnt. */
        @WithDefault("5")
        int maxCodeAttempts();

        /** Most points one partner redemption may take, unless the partner has its own limit. */
        @WithDefault("10000")
        long maxPointsPerTransaction();

        /** Most points one member may spend at one partner per UTC day, unless the partner has its own limit. */
        @WithDefault("20000")
        long maxPointsPerDay();

        /** Largest purchase amount a partner may report for earning (programme currency). */
        @WithDefault("100000")
        java.math.BigDecimal maxEarnAmount();
    }
}
