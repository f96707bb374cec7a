package io.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.loyalty.domain.PartnerLimits.Verdict;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PartnerLimitsTest {

    @Test
    void pointsAreWholeAndBounded() {
        assertThat(PartnerLimits.points(new BigDecimal("30"))).hasValue(30);
        assertThat(PartnerLimits.points(new BigDecimal("30.0"))).hasValue(30);
        assertThat(PartnerLimits.points(new BigDecimal("2.5"))).isEmpty();
        assertThat(PartnerLimits.points(BigDecimal.ZERO)).isEmpty();
        assertThat(PartnerLimits.points(new BigDecimal("-5"))).isEmpty();
        assertThat(PartnerLimits.points(new BigDecimal("1e30"))).isEmpty();
        assertThat(PartnerLimits.points(new BigDecimal("9223372036854775807"))).isEmpty();
        assertThat(PartnerLimits.points(BigDecimal.valueOf(PartnerLimits.MAX_POINTS)))
                .hasValue(PartnerLimits.MAX_POINTS);
        assertThat(PartnerLimits.points(null)).isEmpty();
    }

    @Test
    void amountsArePositiveAndBounded() {
        BigDecimal max = new BigDecimal("100000");
        assertThat(PartnerLimits.amount(new BigDecimal("80.50"), max)).isTrue();
        assertThat(PartnerLimits.amount(new BigDecimal("100000"), max)).isTrue();
        assertThat(PartnerLimits.amount(new BigDecimal("100000.01"), max)).isFalse();
        assertThat(PartnerLimits.amount(new BigDecimal("1e30"), max)).isFalse();
        assertThat(PartnerLimits.amount(BigDecimal.ZERO, max)).isFalse();
        assertThat(PartnerLimits.amount(new BigDecimal("-1"), max)).isFalse();
    }

    @Test
    void limitsAreCheckedTransactionThenCodeThenDay() {
        assertThat(PartnerLimits.check(100, 100, 100, 150, 50)).isEqualTo(Verdict.OK);
        assertThat(PartnerLimits.check(101, 100, 500, 1000, 0)).isEqualTo(Verdict.OVER_TRANSACTION_LIMIT);
        assertThat(PartnerLimits.check(41, 100, 40, 1000, 0)).isEqualTo(Verdict.OVER_CODE_MAXIMUM);
        assertThat(PartnerLimits.check(60, 100, 500, 150, 100)).isEqualTo(Verdict.OVER_DAILY_LIMIT);
        assertThat(PartnerLimits.check(50, 100, 500, 150, 100)).isEqualTo(Verdict.OK);
    }
}
