package io.rapport.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CampaignEconomicsTest {

    @Test
    void aMailingPaysWhenItsResponseRateReachesCostPerContactOverMarginPerConversion() {
        // 1,000 letters at 0.50 each, 40.00 margin per sale: break-even 0.50 / 40 = 1.25%; 25 responses = 2.5%
        // revenue 20 x 40 = 800.00, cost 1000 x 0.50 = 500.00, net 300.00
        CampaignEconomics e = new CampaignEconomics(1000, 25, 20, new BigDecimal("0.50"), new BigDecimal("40.00"));
        assertThat(e.breakEvenRate()).isEqualByComparingTo("0.0125");
        assertThat(e.responseRate()).isEqualByComparingTo("0.0250");
        assertThat(e.totalCost()).isEqualByComparingTo("500.00");
        assertThat(e.revenue()).isEqualByComparingTo("800.00");
        assertThat(e.net()).isEqualByComparingTo("300.00");
        assertThat(e.aboveBreakEven()).isTrue();
    }

    @Test
    void belowBreakEvenTheCampaignDoesNotPay() {
        // 200 calls at 4.00, 160.00 per sale: break-even 4 / 160 = 2.5%; 2 responses = 1%
        // revenue 2 x 160 = 320.00, cost 200 x 4 = 800.00, net -480.00
        CampaignEconomics e = new CampaignEconomics(200, 2, 2, new BigDecimal("4.00"), new BigDecimal("160.00"));
        assertThat(e.breakEvenRate()).isEqualByComparingTo("0.0250");
        assertThat(e.responseRate()).isEqualByComparingTo("0.0100");
        assertThat(e.revenue()).isEqualByComparingTo("320.00");
        assertThat(e.net()).isEqualByComparingTo("-480.00");
        assertThat(e.aboveBreakEven()).isFalse();
    }

    @Test
    void oneConvertedResponderOfOneContactedPaysItsCall() {
        // the case: one call at 4.00 converted for 160.00: rate 1/1, cost 4.00, net 156.00
        CampaignEconomics e = new CampaignEconomics(1, 1, 1, new BigDecimal("4.00"), new BigDecimal("160.00"));
        assertThat(e.responseRate()).isEqualByComparingTo("1.0000").hasToString("1.0000");
        assertThat(e.totalCost()).hasToString("4.00");
        assertThat(e.revenue()).hasToString("160.00");
        assertThat(e.net()).hasToString("156.00");
        assertThat(e.aboveBreakEven()).isTrue();
    }

    @Test
    void aRateJustBelowBreakEvenDoesNotPayEvenWhenBothRoundToTheSameFourDecimals() {
        // 1 of 3 = 0.33333...; break-even 1.00003 / 3 = 0.33334333...: both print 0.3333, yet 1 x 3.00 < 3 x 1.00003
        CampaignEconomics e = new CampaignEconomics(3, 1, 1, new BigDecimal("1.00003"), new BigDecimal("3.00"));
        assertThat(e.responseRate()).isEqualByComparingTo("0.3333");
        assertThat(e.breakEvenRate()).isEqualByComparingTo("0.3333");
        assertThat(e.aboveBreakEven()).isFalse();
        // exactly at break-even pays: 1 of 3 at cost 1.00 and margin 3.00
        assertThat(new CampaignEconomics(3, 1, 0, new BigDecimal("1.00"), new BigDecimal("3.00")).aboveBreakEven())
                .isTrue();
    }

    @Test
    void nothingContactedOrNoMarginNeverPays() {
        CampaignEconomics none = new CampaignEconomics(0, 0, 0, BigDecimal.ONE, BigDecimal.TEN);
        assertThat(none.aboveBreakEven()).isFalse();
        assertThat(none.responseRate()).hasToString("0.0000");
        assertThat(none.net()).isEqualByComparingTo("0");
        CampaignEconomics noMargin = new CampaignEconomics(10, 10, 10, BigDecimal.ONE, BigDecimal.ZERO);
        assertThat(noMargin.breakEvenRate()).isNull();
        assertThat(noMargin.aboveBreakEven()).isFalse();
    }

    @Test
    void aResponderMustHaveBeenReachedAndAConversionMustHaveResponded() {
        assertThatThrownBy(() -> new CampaignEconomics(0, 1, 1, BigDecimal.ONE, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("responders");
        assertThatThrownBy(() -> new CampaignEconomics(2, 1, 2, BigDecimal.ONE, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conversions");
    }
}
