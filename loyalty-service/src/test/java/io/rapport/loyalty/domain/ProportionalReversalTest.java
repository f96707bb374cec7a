package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProportionalReversalTest {

    @Test
    void aRefundTakesBackItsShareOfThePoints() {
        assertThat(ProportionalReversal.pointsToReverse(
                        300, new BigDecimal("300.00"), BigDecimal.ZERO, new BigDecimal("100.00"), 0))
                .isEqualTo(100);
    }

    @Test
    void partialRefundsAddUpToTheWholeAndNeverMore() {
        BigDecimal total = new BigDecimal("100.00");
        long first = ProportionalReversal.pointsToReverse(101, total, BigDecimal.ZERO, new BigDecimal("33.33"), 0);
        long second = ProportionalReversal.pointsToReverse(
                101, total, new BigDecimal("33.33"), new BigDecimal("33.33"), first);
        long third = ProportionalReversal.pointsToReverse(
                101, total, new BigDecimal("66.66"), new BigDecimal("50.00"), first + second);
        assertThat(first + second + third).isEqualTo(101);
        assertThat(ProportionalReversal.pointsToReverse(101, total, total, new BigDecimal("10"), 101))
                .isZero();
    }

    @Test
    void negativeRefundsAreRefused() {
        assertThatThrownBy(() -> ProportionalReversal.pointsToReverse(
                        10, BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("-1"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWholeOrderRefundOrARefundReachingTheTotalIsWhole() {
        assertThat(ProportionalReversal.whole(
                        true,
                        new java.math.BigDecimal("100"),
                        java.math.BigDecimal.ZERO,
                        new java.math.BigDecimal("90")))
                .isTrue();
        assertThat(ProportionalReversal.whole(
                        false,
                        new java.math.BigDecimal("100"),
                        new java.math.BigDecimal("60"),
                        new java.math.BigDecimal("40")))
                .isTrue();
        assertThat(ProportionalReversal.whole(
                        false,
                        new java.math.BigDecimal("100"),
                        new java.math.BigDecimal("50"),
                        new java.math.BigDecimal("40")))
                .isFalse();
    }
}
