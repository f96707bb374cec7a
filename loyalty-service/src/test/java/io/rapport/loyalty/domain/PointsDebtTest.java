package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.loyalty.domain.PointsDebt.Position;
import org.junit.jupiter.api.Test;

class PointsDebtTest {

    @Test
    void aRefundAfterRedemptionBecomesADebtThatLaterEarningsSettleFirst() {
        Position p = PointsDebt.credit(new Position(0, 0), 100).after();
        p = new Position(p.spendable() - 80, p.debt()); // redeem 80
        assertThat(p).isEqualTo(new Position(20, 0));

        PointsDebt.Reversal refund = PointsDebt.reverse(p, 100);
        assertThat(refund.fromSpendable()).isEqualTo(20);
        assertThat(refund.addedDebt()).isEqualTo(80);
        assertThat(refund.after()).isEqualTo(new Position(0, 80));
        assertThat(refund.after().net()).isEqualTo(-80);

        PointsDebt.Credit earn50 = PointsDebt.credit(refund.after(), 50);
        assertThat(earn50.settled()).isEqualTo(50);
        assertThat(earn50.spendable()).isZero();
        assertThat(earn50.after()).isEqualTo(new Position(0, 30));

        PointsDebt.Credit earn40 = PointsDebt.credit(earn50.after(), 40);
        assertThat(earn40.settled()).isEqualTo(30);
        assertThat(earn40.spendable()).isEqualTo(10);
        assertThat(earn40.after()).isEqualTo(new Position(10, 0));
    }

    @Test
    void aReversalTheBalanceCoversLeavesNoDebtAndADebtGrowsWithFurtherReversals() {
        assertThat(PointsDebt.reverse(new Position(300, 0), 100).after()).isEqualTo(new Position(200, 0));
        PointsDebt.Reversal r = PointsDebt.reverse(new Position(0, 30), 20);
        assertThat(r.fromSpendable()).isZero();
        assertThat(r.after()).isEqualTo(new Position(0, 50));
    }

    @Test
    void aCreditWithoutDebtIsAllSpendable() {
        PointsDebt.Credit c = PointsDebt.credit(new Position(5, 0), 7);
        assertThat(c.settled()).isZero();
        assertThat(c.after()).isEqualTo(new Position(12, 0));
    }

    @Test
    void mergedPositionsNetOut() {
        assertThat(PointsDebt.combine(new Position(50, 0), new Position(0, 80))).isEqualTo(new Position(0, 30));
        assertThat(PointsDebt.combine(new Position(100, 0), new Position(0, 80)))
                .isEqualTo(new Position(20, 0));
        assertThat(PointsDebt.combine(new Position(10, 0), new Position(5, 0))).isEqualTo(new Position(15, 0));
    }

    @Test
    void neitherFigureIsEverNegativeAndPointsArePositive() {
        assertThatThrownBy(() -> new Position(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PointsDebt.reverse(new Position(1, 0), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PointsDebt.credit(new Position(1, 0), -3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
