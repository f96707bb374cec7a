package io.rapport.segmentation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MonthTotalsTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("f0000000-0000-0000-0000-00000000000b");
    private static final UUID MERGED = UUID.fromString("80000000-0000-0000-0000-000000000001");
    private static final Instant MAY_2 = Instant.parse("2026-05-02T10:00:00Z");
    private static final Instant MAY_30 = Instant.parse("2026-05-30T23:59:59Z");
    private static final Instant JUNE_1 = Instant.parse("2026-06-01T00:00:00Z");

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    @Test
    void factsOfOneCustomerAndMonthAddUpToOneRow() {
        MonthTotals totals = MonthTotals.of(
                List.of(
                        ValueFact.purchase("p1", A, MAY_2, money("100.50"), money("60"), Set.of("TENTS", "BOOTS")),
                        ValueFact.purchase("p2", A, MAY_30, money("20"), money("5"), Set.of("TENTS")),
                        ValueFact.refund("r1", A, MAY_30, money("10"), money("4")),
                        ValueFact.cost("c1", A, MAY_2, money("7.25")),
                        ValueFact.complaint("k1", A, MAY_2),
                        ValueFact.purchase("p3", A, JUNE_1, money("1"), money("1"), Set.of())),
                Map.of());

        assertThat(totals.months())
                .containsExactly(
                        new MonthTotals.Month(
                                A,
                                LocalDate.of(2026, 5, 1),
                                money("120.50"),
                                money("61"),
                                money("10"),
                                money("7.25"),
                                2,
                                1),
                        new MonthTotals.Month(
                                A, LocalDate.of(2026, 6, 1), money("1"), money("1"), money("0"), money("0"), 1, 0));
        assertThat(totals.categories())
                .containsExactly(
                        new MonthTotals.Category(A, LocalDate.of(2026, 5, 1), "BOOTS", 1),
                        new MonthTotals.Category(A, LocalDate.of(2026, 5, 1), "TENTS", 2));
        assertThat(totals.purchases()).containsExactly(new MonthTotals.PurchaseSpan(A, MAY_2, JUNE_1));
        assertThat(totals.reclassify()).containsExactly(A);
    }

    @Test
    void factsOfAMergedRecordCountForItsSurvivor() {
        MonthTotals totals = MonthTotals.of(
                List.of(
                        ValueFact.purchase("p1", MERGED, MAY_2, money("50"), money("10"), Set.of("STOVES")),
                        ValueFact.purchase("p2", B, MAY_30, money("30"), money("10"), Set.of("STOVES"))),
                Map.of(MERGED, B));

        assertThat(totals.months())
                .containsExactly(new MonthTotals.Month(
                        B, LocalDate.of(2026, 5, 1), money("80"), money("20"), money("0"), money("0"), 2, 0));
        assertThat(totals.categories())
                .containsExactly(new MonthTotals.Category(B, LocalDate.of(2026, 5, 1), "STOVES", 2));
        assertThat(totals.purchases()).containsExactly(new MonthTotals.PurchaseSpan(B, MAY_2, MAY_30));
    }

    @Test
    void rowsComeInTheDatabaseOrderOfCustomerIdsAndComplaintsReclassifyNobody() {
        MonthTotals totals = MonthTotals.of(
                List.of(
                        ValueFact.complaint("k1", B, MAY_2),
                        ValueFact.complaint("k2", MERGED, MAY_2),
                        ValueFact.complaint("k3", A, MAY_2)),
                Map.of());

        // PostgreSQL orders uuids by their bytes (the hex text); Java's UUID.compareTo is signed and would put B first
        assertThat(totals.months()).extracting(MonthTotals.Month::customerId).containsExactly(A, MERGED, B);
        assertThat(totals.reclassify()).isEmpty();
        assertThat(totals.purchases()).isEmpty();
    }
}
