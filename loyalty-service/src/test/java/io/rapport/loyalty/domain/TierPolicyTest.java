package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.loyalty.domain.TierPolicy.Decision;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TierPolicyTest {
    static final TierRule SILVER = new TierRule("SILVER", 0, BigDecimal.ZERO, BigDecimal.ONE, Set.of());
    static final TierRule GOLD =
            new TierRule("GOLD", 1, new BigDecimal("2000"), new BigDecimal("1.5"), Set.of("ABC:A", "VALUE:MVC"));
    static final TierRule PLATINUM = new TierRule("PLATINUM", 2, new BigDecimal("5000"), new BigDecimal("2"), Set.of());
    static final List<TierRule> TIERS = List.of(SILVER, PLATINUM, GOLD);

    @Test
    void qualifiesForTheBestTierTheFigureReaches() {
        assertThat(TierPolicy.qualify(TIERS, new BigDecimal("1999"), "points earned", Set.of())
                        .tier())
                .isEqualTo(SILVER);
        assertThat(TierPolicy.qualify(TIERS, new BigDecimal("2000"), "points earned", Set.of())
                        .tier())
                .isEqualTo(GOLD);
        assertThat(TierPolicy.qualify(TIERS, new BigDecimal("7000"), "points earned", Set.of())
                        .tier())
                .isEqualTo(PLATINUM);
    }

    @Test
    void segmentClassAStartsAtGoldWithoutAnyPoints() {
        TierPolicy.Qualification q = TierPolicy.qualify(TIERS, BigDecimal.ZERO, "points earned", Set.of("ABC:A"));
        assertThat(q.tier()).isEqualTo(GOLD);
        assertThat(q.reason()).contains("ABC:A");
        assertThat(TierPolicy.qualify(TIERS, BigDecimal.ZERO, "points earned", Set.of("ABC:B"))
                        .tier())
                .isEqualTo(SILVER);
    }

    @Test
    void upgradeAtOnceButDowngradeOnlyAtThePeriodEnd() {
        var gold = TierPolicy.qualify(TIERS, new BigDecimal("2500"), "points earned", Set.of());
        var silver = TierPolicy.qualify(TIERS, new BigDecimal("10"), "points earned", Set.of());
        assertThat(TierPolicy.decide(SILVER, gold, false)).isEqualTo(Decision.UPGRADE);
        assertThat(TierPolicy.decide(GOLD, silver, false)).isEqualTo(Decision.KEEP);
        assertThat(TierPolicy.decide(GOLD, silver, true)).isEqualTo(Decision.DOWNGRADE);
        assertThat(TierPolicy.decide(GOLD, gold, true)).isEqualTo(Decision.KEEP);
    }
}
