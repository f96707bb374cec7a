package io.rapport.segmentation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void tinyAndZeroValuesArePlainStringsAtAFixedScale() {
        assertThat(Decimals.money(new BigDecimal("0E-24"))).isEqualTo("0.00");
        assertThat(Decimals.ratio(new BigDecimal("0E-24"))).isEqualTo("0.0000");
        assertThat(Decimals.ratio(new BigDecimal("8.38E-7"))).isEqualTo("0.0000");
        assertThat(Decimals.money(new BigDecimal("-0.001"))).isEqualTo("0.00");
        assertThat(Decimals.money(new BigDecimal("1.2E+3"))).isEqualTo("1200.00");
        assertThat(Decimals.ratio(new BigDecimal("0.23749999"))).isEqualTo("0.2375");
        assertThat(Decimals.money(null)).isNull();
    }

    @Test
    void metricsAreWrittenInTheirOwnUnit() {
        assertThat(Decimals.metric(AbcMetric.REVENUE, new BigDecimal("300"))).isEqualTo("300.00");
        assertThat(Decimals.metric(AbcMetric.VOLUME, new BigDecimal("4"))).isEqualTo("4");
        assertThat(Decimals.metric(AbcMetric.SCORE, new BigDecimal("0.037"))).isEqualTo("0.0370");
    }
}
