package io.rapport.loyalty.earning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.loyalty.domain.EarnCalculator;
import io.rapport.loyalty.domain.TierRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EarnBatchTest {
    static final Instant NOW = Instant.parse("2026-05-10T10:00:00Z");
    static final UUID PROGRAMME = UUID.randomUUID();
    static final List<TierRule> TIERS = List.of(
            new TierRule("SILVER", 0, BigDecimal.ZERO, BigDecimal.ONE, Set.of()),
            new TierRule("GOLD", 1, new BigDecimal("2000"), new BigDecimal("1.5"), Set.of("ABC:A")));
    static final EarnBatch.Terms EUR =
            new EarnBatch.Terms(PROGRAMME, "EUR", BigDecimal.ONE, 24, 12, false, TIERS, List.of(), true);

    @Test
    void anUpgradeDuringTheRunAppliesToTheNextPurchaseOfTheSameMember() {
        UUID customer = UUID.randomUUID();
        var member = member(customer, 0, "1700");
        var batch = new EarnBatch(Map.of(PROGRAMME, EUR), List.of(member), Map.of(), NOW);

        batch.earn(purchase(customer, "400.00", NOW.minusSeconds(60)));
        batch.earn(purchase(customer, "200.00", NOW.minusSeconds(30)));
        batch.earn(purchase(customer, "100.00", NOW.minusSeconds(10)));

        assertThat(batch.credits()).extracting(c -> c.earn().points()).containsExactly(400L, 300L, 150L);
        assertThat(batch.credits()).extracting(EarnBatch.Credit::balanceAfter).containsExactly(400L, 700L, 850L);
        assertThat(batch.upgrades()).singleElement().satisfies(u -> {
            assertThat(u.toTier()).isEqualTo("GOLD");
            assertThat(u.afterCredit()).isZero();
            assertThat(u.reason()).contains("2100 points earned");
        });
        assertThat(member.tierCode()).isEqualTo("GOLD");
        assertThat(member.changed()).isTrue();
    }

    @Test
    void aPurchaseOutsideTheWindowEarnsButDoesNotQualify() {
        UUID customer = UUID.randomUUID();
        var member = member(customer, 0, "1900");
        var batch = new EarnBatch(Map.of(PROGRAMME, EUR), List.of(member), Map.of(), NOW);

        batch.earn(purchase(customer, "500.00", Instant.parse("2025-01-01T00:00:00Z")));

        assertThat(batch.credits()).singleElement().satisfies(c -> {
            assertThat(c.earn().points()).isEqualTo(500);
            assertThat(c.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        });
        assertThat(batch.upgrades()).isEmpty();
        assertThat(member.figure()).isEqualByComparingTo("1900");
    }

    @Test
    void aSegmentClassQualifiesOnTheFirstCredit() {
        UUID customer = UUID.randomUUID();
        var member = member(customer, 0, "0");
        var batch = new EarnBatch(Map.of(PROGRAMME, EUR), List.of(member), Map.of(customer, Set.of("ABC:A")), NOW);

        batch.earn(purchase(customer, "1.00", NOW));

        assertThat(batch.upgrades())
                .singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("segment class ABC:A"));
    }

    @Test
    void otherCurrenciesStrangersAndZeroPointPurchasesBookNothing() {
        UUID customer = UUID.randomUUID();
        var member = member(customer, 7, "0");
        var batch = new EarnBatch(Map.of(PROGRAMME, EUR), List.of(member), Map.of(), NOW);

        batch.earn(new EarnBatch.Purchase(
                UUID.randomUUID(),
                customer,
                "O-1",
                NOW,
                "USD",
                List.of(new EarnCalculator.Line("tv", new BigDecimal("50")))));
        batch.earn(purchase(UUID.randomUUID(), "80.00", NOW));
        batch.earn(purchase(customer, "0.99", NOW));

        assertThat(batch.credits()).isEmpty();
        assertThat(member.balance()).isEqualTo(7);
        assertThat(member.changed()).isFalse();
    }

    @Test
    void everyMembershipOfTheBuyerInTheCurrencyEarns() {
        UUID customer = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        var terms = Map.of(
                PROGRAMME,
                EUR,
                other,
                new EarnBatch.Terms(other, "EUR", new BigDecimal("2"), 0, 12, true, TIERS, List.of(), false));
        var first = member(customer, 0, "0");
        var second = new EarnBatch.MemberState(UUID.randomUUID(), other, customer, "SILVER", 0, 0, BigDecimal.ZERO);
        var batch = new EarnBatch(terms, List.of(first, second), Map.of(), NOW);

        batch.earn(purchase(customer, "10.00", NOW));

        assertThat(batch.credits()).extracting(c -> c.earn().points()).containsExactly(10L, 20L);
        assertThat(batch.credits().get(1).expiresAt())
                .as("points of a programme without expiry never expire")
                .isNull();
        assertThat(second.figure())
                .as("spend-based programmes qualify on money")
                .isEqualByComparingTo("10.00");
    }

    private static EarnBatch.MemberState member(UUID customer, long balance, String figure) {
        return new EarnBatch.MemberState(
                UUID.randomUUID(), PROGRAMME, customer, "SILVER", 0, balance, new BigDecimal(figure));
    }

    private static EarnBatch.Purchase purchase(UUID customer, String total, Instant at) {
        return new EarnBatch.Purchase(
                UUID.randomUUID(),
                customer,
                "O-" + total,
                at,
                "EUR",
                List.of(new EarnCalculator.Line("tv", new BigDecimal(total))));
    }
}
