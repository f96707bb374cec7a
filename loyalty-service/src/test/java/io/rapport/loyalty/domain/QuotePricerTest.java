package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuotePricerTest {
    static final BenefitRule MEMBER_PRICE =
            rule(1, BenefitKind.MEMBER_PRICE, null, new BigDecimal("90.00"), "FRIDGE", null, null, null);
    static final BenefitRule BREAK_10 =
            rule(2, BenefitKind.VOLUME_BREAK, new BigDecimal("10"), null, null, "kitchen", 10, null);
    static final BenefitRule BREAK_5 =
            rule(3, BenefitKind.VOLUME_BREAK, new BigDecimal("5"), null, null, null, 5, null);
    static final BenefitRule REPEAT =
            rule(4, BenefitKind.REPEAT_PURCHASE_DISCOUNT, new BigDecimal("3"), null, null, null, null, 2);
    static final BenefitRule PRIORITY = rule(5, BenefitKind.PRIORITY_SERVICE, null, null, null, null, null, null);
    static final List<QuotePricer.BasketLine> BASKET = List.of(
            new QuotePricer.BasketLine("FRIDGE", "kitchen", 12, new BigDecimal("100.00")),
            new QuotePricer.BasketLine("CABLE", "tv", 3, new BigDecimal("9.99")));

    @Test
    void memberPriceThenBestVolumeBreakThenRepeatDiscount() {
        QuotePricer.Priced p =
                QuotePricer.price("EUR", BASKET, List.of(REPEAT, BREAK_5, PRIORITY, BREAK_10, MEMBER_PRICE), 2);
        assertThat(p.subtotal()).isEqualByComparingTo("1229.97");
        // fridge: 12 x 90 = 1080.00 (-120.00), 10% break -> -108.00 -> 972.00; cable: 29.97, no break (3 < 5)
        // repeat 3% of 1001.97 = 30.0591 -> 30.06
        assertThat(p.discounts())
                .extracting(QuotePricer.DiscountLine::amount)
                .containsExactly(new BigDecimal("120.00"), new BigDecimal("108.00"), new BigDecimal("30.06"));
        assertThat(p.total()).isEqualByComparingTo("971.91");
        assertThat(p.discountTotal()).isEqualByComparingTo("258.06");
        assertThat(p.applied()).containsExactly(REPEAT, BREAK_10, MEMBER_PRICE, PRIORITY);
    }

    @Test
    void noRepeatDiscountForAFirstPurchaseAndTheSameInputGivesTheSameQuote() {
        QuotePricer.Priced a = QuotePricer.price("EUR", BASKET, List.of(REPEAT, BREAK_5, BREAK_10), 1);
        QuotePricer.Priced b = QuotePricer.price("EUR", BASKET, List.of(BREAK_10, REPEAT, BREAK_5), 1);
        assertThat(a).isEqualTo(b);
        assertThat(a.discounts()).extracting(QuotePricer.DiscountLine::kind).containsExactly(BenefitKind.VOLUME_BREAK);
    }

    @Test
    void zeroDecimalCurrenciesRoundToWholeUnits() {
        QuotePricer.Priced p = QuotePricer.price(
                "JPY", List.of(new QuotePricer.BasketLine("X", null, 5, new BigDecimal("333"))), List.of(BREAK_5), 0);
        assertThat(p.discounts().get(0).amount()).isEqualByComparingTo("83"); // 5% of 1665 = 83.25
        assertThat(p.total()).isEqualByComparingTo("1582");
    }

    @Test
    void eligibilityByTierOrSegment() {
        BenefitRule goldOrA = new BenefitRule(
                UUID.randomUUID(),
                BenefitKind.EVENT_INVITATION,
                "Head office day",
                1,
                Set.of("ABC:A"),
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(goldOrA.ineligibility(1, "GOLD", Set.of())).isNull();
        assertThat(goldOrA.ineligibility(0, "SILVER", Set.of("ABC:A"))).isNull();
        assertThat(goldOrA.ineligibility(0, "SILVER", Set.of("ABC:B")))
                .contains("SILVER")
                .contains("ABC:A");
        assertThat(goldOrA.ineligibility(0, "SILVER", Set.of(), rank -> rank == 1 ? "Gold" : "?"))
                .isEqualTo("tier SILVER is below the required tier Gold and no segment class among [ABC:A]");
    }

    static BenefitRule rule(
            int n,
            BenefitKind kind,
            BigDecimal percent,
            BigDecimal memberPrice,
            String sku,
            String category,
            Integer minQuantity,
            Integer minPurchases) {
        return new BenefitRule(
                UUID.fromString("00000000-0000-0000-0000-00000000000" + n),
                kind,
                kind.name().toLowerCase(),
                null,
                Set.of(),
                percent,
                memberPrice,
                sku,
                category,
                minQuantity,
                minPurchases);
    }
}
