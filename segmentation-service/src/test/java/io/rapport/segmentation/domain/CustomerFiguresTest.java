package io.rapport.segmentation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerFiguresTest {

    private static CustomerFigures figures(String wallet) {
        return new CustomerFigures(new BigDecimal("1000"), new BigDecimal("600"), new BigDecimal("50"), new BigDecimal("80"),
                4, 2, 1, wallet == null ? null : new BigDecimal(wallet), new BigDecimal("2"), null, null);
    }

    @Test
    void marginProfitShareAndPotential() {
        CustomerFigures f = figures("4000");
        assertThat(f.grossMargin()).isEqualByComparingTo("350");
        assertThat(f.profit()).isEqualByComparingTo("270");
        // net revenue 1000 - 50 refunded = 950
        assertThat(f.netRevenue()).isEqualByComparingTo("950");
        assertThat(f.shareOfWallet()).isEqualByComparingTo("0.2375");
        assertThat(f.potential()).isEqualByComparingTo("3050");
        assertThat(figures(null).shareOfWallet()).isNull();
        assertThat(figures(null).potential()).isNull();
    }

    @Test
    void metrics() {
        CustomerFigures f = figures(null);
        assertThat(f.metric(AbcRules.defaults(), Map.of())).isEqualByComparingTo("950");
        assertThat(f.metric(new AbcRules(AbcMetric.PROFIT, null, null, null, null).normalised(), Map.of())).isEqualByComparingTo("270");
        assertThat(f.metric(new AbcRules(AbcMetric.VOLUME, null, null, null, null).normalised(), Map.of())).isEqualByComparingTo("4");
        var score = new AbcRules(AbcMetric.SCORE, Map.of(ScoreWeight.REVENUE, new BigDecimal("0.5"), ScoreWeight.TENURE,
                new BigDecimal("0.5")), null, null, null).normalised();
        // 0.5 * 950/1900 + 0.5 * 2/4
        assertThat(f.metric(score, Map.of(ScoreWeight.REVENUE, new BigDecimal("1900"), ScoreWeight.TENURE, new BigDecimal("4"))))
                .isEqualByComparingTo("0.5");
    }

    @Test
    void aWholeOrderRefundedLeavesNoRevenueForAbcShareOfWalletOrPotential() {
        // bought 300 (cost 180), refunded the whole order: the cost of the goods returned comes off too
        CustomerFigures f = new CustomerFigures(new BigDecimal("300"), BigDecimal.ZERO, new BigDecimal("300"), BigDecimal.ZERO,
                1, 1, 0, new BigDecimal("1000"), BigDecimal.ONE, null, null);
        assertThat(f.netRevenue()).isEqualByComparingTo("0");
        assertThat(f.metric(AbcRules.defaults(), Map.of())).isEqualByComparingTo("0");
        assertThat(f.grossMargin()).isEqualByComparingTo("0");
        assertThat(f.shareOfWallet()).isEqualByComparingTo("0");
        assertThat(f.potential()).isEqualByComparingTo("1000");
    }
}
