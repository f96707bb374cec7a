package io.rapport.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefundPlanTest {
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private static List<RefundPlan.LineState> lines(int refundedA, String refundedAmountA) {
        return List.of(
                new RefundPlan.LineState(
                        A,
                        2,
                        refundedA,
                        new BigDecimal("10.00"),
                        new BigDecimal("4.00"),
                        new BigDecimal(refundedAmountA)),
                new RefundPlan.LineState(B, 1, 0, new BigDecimal("5.00"), new BigDecimal("1.00"), BigDecimal.ZERO));
    }

    @Test
    void aLineRefundDefaultsToQuantityTimesUnitPriceWithItsCostOfGoods() {
        List<RefundPlan.Planned> p = RefundPlan.lines(lines(0, "0"), List.of(new RefundPlan.Requested(A, 1, null)));
        assertThat(p).containsExactly(new RefundPlan.Planned(A, 1, new BigDecimal("10.00"), new BigDecimal("4.00")));
    }

    @Test
    void refundAboveTheBoughtQuantityIsRejected() {
        assertThatThrownBy(() -> RefundPlan.lines(lines(1, "10.00"), List.of(new RefundPlan.Requested(A, 2, null))))
                .isInstanceOf(RefundPlan.Rejected.class)
                .hasMessageContaining("only 1 of 2");
    }

    @Test
    void partialAmountsMayNotExceedWhatIsLeftOfTheLine() {
        assertThat(RefundPlan.lines(lines(0, "0"), List.of(new RefundPlan.Requested(A, 0, new BigDecimal("3.50")))))
                .containsExactly(new RefundPlan.Planned(A, 0, new BigDecimal("3.50"), new BigDecimal("0.00")));
        assertThatThrownBy(() -> RefundPlan.lines(
                        lines(0, "15.00"), List.of(new RefundPlan.Requested(A, 0, new BigDecimal("6")))))
                .isInstanceOf(RefundPlan.Rejected.class)
                .satisfies(e -> assertThat(((RefundPlan.Rejected) e).field()).isEqualTo("lines[0].amount"));
        // after a 15.00 money-only refund, returning one unit gives back only the 5.00 left
        assertThat(RefundPlan.lines(lines(0, "15.00"), List.of(new RefundPlan.Requested(A, 1, null)))
                        .get(0)
                        .amount())
                .isEqualByComparingTo("5.00");
    }

    @Test
    void unknownDuplicateOrMissingLinesAreRejected() {
        assertThatThrownBy(() ->
                        RefundPlan.lines(lines(0, "0"), List.of(new RefundPlan.Requested(UUID.randomUUID(), 1, null))))
                .isInstanceOf(RefundPlan.Rejected.class);
        assertThatThrownBy(() -> RefundPlan.lines(
                        lines(0, "0"),
                        List.of(new RefundPlan.Requested(A, 1, null), new RefundPlan.Requested(A, 1, null))))
                .isInstanceOf(RefundPlan.Rejected.class);
        assertThatThrownBy(() -> RefundPlan.lines(lines(0, "0"), List.of())).isInstanceOf(RefundPlan.Rejected.class);
        assertThatThrownBy(() -> RefundPlan.lines(lines(0, "0"), List.of(new RefundPlan.Requested(A, 0, null))))
                .isInstanceOf(RefundPlan.Rejected.class);
    }

    @Test
    void aWholeOrderRefundGivesBackEverythingLeftOnceOnly() {
        List<RefundPlan.Planned> p = RefundPlan.wholeOrder(lines(1, "10.00"));
        assertThat(p).extracting(RefundPlan.Planned::quantity).containsExactly(1, 1);
        assertThat(p.stream().map(RefundPlan.Planned::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("15.00");
        List<RefundPlan.LineState> done =
                List.of(new RefundPlan.LineState(A, 2, 2, BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("20")));
        assertThatThrownBy(() -> RefundPlan.wholeOrder(done)).isInstanceOf(RefundPlan.Rejected.class);
    }
}
