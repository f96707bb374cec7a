package io.rapport.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CampaignEconomicsTest {

    @Test
    void aMailingPaysWhenItsResponseRateReachesCostPerContactOverMarginPerConversion() {
        // 1,000 letters at 0.50 each, 40.00 margin per sale: break-even 1.25%; 25 responses = 2.5%
        CampaignEconomics e = new CampaignEconomics(1000, 25, 20, new BigDecimal("0.50"), new BigDecimal("40.00"));
        assertThat(e.breakEvenRate()).isEqualByComparingTo("0.0125");
        assertThat(e.responseRate()).isEqualByComparingTo("0.0250");
        assertThat(e.totalCost()).isEqualByComparingTo("500.00");
        assertThat(e.net()).isEqualByComparingTo("300.00");
        assertThat(e.aboveBreakEven()).isTrue();
    }

    @Test
    void belowBreakEvenTheCampaignDoesNotPay() {
        CampaignEconomics e = new CampaignEconomics(200, 2, 2, new BigDecimal("4.00"), new BigDecimal("160.00"));
        assertThat(e.breakEvenRate()).isEqualByComparingTo("0.0250");
        assertThat(e.responseRate()).isEqualByComparingTo("0.0100");
        assertThat(e.aboveBreakEven()).isFalse();
    }

    @Test
    void nothingContactedOrNoMarginNeverPays() {
        assertThat(new CampaignEconomics(0, 0, 0, BigDecimal.ONE, BigDecimal.TEN).aboveBreakEven()).isFalse();
        CampaignEconomics noMargin = new CampaignEconomics(10, 10, 10, BigDecimal.ONE, BigDecimal.ZERO);
        assertThat(noMargin.breakEvenRate()).isNull();
        assertThat(noMargin.aboveBreakEven()).isFalse();
    }
}
