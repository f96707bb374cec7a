package io.rapport.loyalty.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.loyalty.domain.TierRule;
import io.rapport.loyalty.tier.TierReview.Standing;
import io.rapport.loyalty.tier.TierReview.Terms;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TierReviewTest {
    static final List<TierRule> TIERS = List.of(
            new TierRule("SILVER", 0, BigDecimal.ZERO, BigDecimal.ONE, Set.of()),
            new TierRule("GOLD", 1, new BigDecimal("2000"), new BigDecimal("1.5"), Set.of("ABC:A")));
    static final Terms TERMS = new Terms(TIERS, "points earned", 12, true);
    static final Instant START = Instant.parse("2025-01-31T09:00:00Z");
    static final Instant END = Instant.parse("2026-01-31T09:00:00Z");

    @Test
    void midPeriodAMemberOnlyGoesUp() {
        Instant at = Instant.parse("2025-06-01T00:00:00Z");
        assertThat(TierReview.midPeriod(TERMS, new Standing("SILVER", 0), new BigDecimal("2000"), Set.of(), at))
                .hasValueSatisfying(c -> {
                    assertThat(c.to().code()).isEqualTo("GOLD");
                    assertThat(c.direction()).isEqualTo("UP");
                    assertThat(c.at()).isEqualTo(at);
                });
        assertThat(TierReview.midPeriod(TERMS, new Standing("GOLD", 1), BigDecimal.ZERO, Set.of(), at))
                .isEmpty();
        assertThat(TierReview.needsFigure(TERMS, new Standing("GOLD", 1))).isFalse();
    }

    @Test
    void aSegmentClassCountsOnlyWhenTheProgrammeHasSegmentTiers() {
        Instant at = Instant.parse("2025-06-01T00:00:00Z");
        assertThat(TierReview.midPeriod(TERMS, new Standing("SILVER", 0), BigDecimal.ZERO, Set.of("ABC:A"), at))
                .isPresent();
        Terms plain = new Terms(TIERS, "points earned", 12, false);
        assertThat(TierReview.midPeriod(plain, new Standing("SILVER", 0), BigDecimal.ZERO, Set.of("ABC:A"), at))
                .isEmpty();
    }

    @Test
    void theEndsOfEveryPassedPeriodAreDueAndNoOtherMoment() {
        assertThat(TierReview.dueEnds(END, 12, END.minusNanos(1000))).isEmpty();
        assertThat(TierReview.dueEnds(END, 12, END)).containsExactly(END);
        assertThat(TierReview.dueEnds(END, 1, Instant.parse("2026-03-31T09:00:00Z")))
                .containsExactly(END, Instant.parse("2026-02-28T09:00:00Z"), Instant.parse("2026-03-28T09:00:00Z"));
    }

    @Test
    void atThePeriodEndAMemberBelowTheThresholdGoesDownAndStartsTheNextPeriod() {
        var o = TierReview.endOfPeriods(
                TERMS, new Standing("GOLD", 1), List.of(END), List.of(new BigDecimal("1999.99")), Set.of(), START, END);
        assertThat(o.changes()).singleElement().satisfies(c -> {
            assertThat(c.direction()).isEqualTo("DOWN");
            assertThat(c.to().code()).isEqualTo("SILVER");
            assertThat(c.at()).isEqualTo(END);
        });
        assertThat(o.periodStart()).isEqualTo(END);
        assertThat(o.periodEnd()).isEqualTo(Instant.parse("2027-01-31T09:00:00Z"));
    }

    @Test
    void twoPassedPeriodsAreEachDecidedWithTheirOwnFigure() {
        Instant second = Instant.parse("2027-01-31T09:00:00Z");
        var o = TierReview.endOfPeriods(
                TERMS,
                new Standing("GOLD", 1),
                List.of(END, second),
                List.of(new BigDecimal("2000"), new BigDecimal("-5")),
                Set.of(),
                START,
                END);
        assertThat(o.changes()).extracting(TierReview.Change::direction).containsExactly("DOWN");
        assertThat(o.changes().get(0).at()).isEqualTo(second);
        assertThat(o.periodStart()).isEqualTo(second);

        var kept =
                TierReview.endOfPeriods(TERMS, new Standing("SILVER", 0), List.of(), List.of(), Set.of(), START, END);
        assertThat(kept.changes()).isEmpty();
        assertThat(kept.periodEnd()).isEqualTo(END);
    }
}
