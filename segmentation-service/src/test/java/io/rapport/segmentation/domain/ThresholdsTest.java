package io.rapport.segmentation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void abcBetweenRunsUsesTheSmallestValueOfEachClass() {
        var t = new AbcThresholds(
                List.of("A", "B", "C"), Map.of("A", new BigDecimal("300"), "B", new BigDecimal("50")), Map.of());
        assertThat(t.classify(new BigDecimal("300"))).isEqualTo("A");
        assertThat(t.classify(new BigDecimal("299.99"))).isEqualTo("B");
        assertThat(t.classify(new BigDecimal("50"))).isEqualTo("B");
        assertThat(t.classify(new BigDecimal("49"))).isEqualTo("C");
        assertThat(t.classify(BigDecimal.ZERO)).isEqualTo("C");
        assertThat(t.classify(new BigDecimal("-10"))).isEqualTo("C");
    }

    @Test
    void abcClassWithoutMembersIsSkipped() {
        var t = new AbcThresholds(List.of("A", "B", "C"), Map.of("B", new BigDecimal("50")), Map.of());
        assertThat(t.classify(new BigDecimal("1000"))).isEqualTo("B");
    }

    @Test
    void valueBetweenRuns() {
        var t = new ValueThresholds(new BigDecimal("700"), new BigDecimal("8000"));
        assertThat(t.classify(new BigDecimal("-0.01"), new BigDecimal("99999"))).isEqualTo("BZ");
        assertThat(t.classify(new BigDecimal("700"), null)).isEqualTo("MVC");
        assertThat(t.classify(new BigDecimal("699"), new BigDecimal("8000"))).isEqualTo("MGC");
        assertThat(t.classify(new BigDecimal("699"), new BigDecimal("7999"))).isEqualTo("OTHER");
        assertThat(new ValueThresholds(null, null).classify(new BigDecimal("1000000"), new BigDecimal("1000000")))
                .isEqualTo("OTHER");
    }
}
