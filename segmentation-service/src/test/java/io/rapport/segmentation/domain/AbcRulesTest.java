package io.rapport.segmentation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbcRulesTest {

    private static List<BigDecimal> cuts(int... c) {
        return java.util.Arrays.stream(c).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void defaultsFollowTheMethod() {
        assertThat(new AbcRules(null, null, null, null, null).normalised().cutoffs())
                .isEqualTo(cuts(80, 95));
        assertThat(new AbcRules(null, null, AbcMethod.RANK_PERCENTILE, null, null)
                        .normalised()
                        .cutoffs())
                .isEqualTo(cuts(5, 20));
        assertThat(new AbcRules(null, null, null, null, null).normalised().labels())
                .containsExactly("A", "B", "C");
    }

    @Test
    void cutOffsMustIncreaseAndStayInsideZeroToHundred() {
        assertThatThrownBy(() -> new AbcRules(null, null, null, cuts(95, 80), null).normalised())
                .isInstanceOf(PolicyViolation.class)
                .hasMessageContaining("increasing");
        assertThatThrownBy(() -> new AbcRules(null, null, null, cuts(80, 80), null).normalised())
                .isInstanceOf(PolicyViolation.class);
        assertThatThrownBy(() -> new AbcRules(null, null, null, cuts(0, 50), null).normalised())
                .isInstanceOf(PolicyViolation.class)
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> new AbcRules(null, null, null, cuts(50, 100), null).normalised())
                .isInstanceOf(PolicyViolation.class);
    }

    @Test
    void atLeastTwoDistinctClassesWithOneCutOffFewer() {
        assertThatThrownBy(() -> new AbcRules(null, null, null, List.of(), List.of("A")).normalised())
                .isInstanceOf(PolicyViolation.class)
                .extracting("field")
                .isEqualTo("labels");
        assertThatThrownBy(() -> new AbcRules(null, null, null, cuts(50), List.of("A", "A")).normalised())
                .isInstanceOf(PolicyViolation.class)
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new AbcRules(null, null, null, cuts(50), List.of("A", "B", "C")).normalised())
                .isInstanceOf(PolicyViolation.class)
                .extracting("field")
                .isEqualTo("cutoffs");
        assertThatThrownBy(() -> new AbcRules(null, null, null, null, List.of("A", "B", "C", "D")).normalised())
                .isInstanceOf(PolicyViolation.class)
                .hasMessageContaining("required");
    }

    @Test
    void scoreNeedsNonNegativeWeightsAndOthersNone() {
        assertThatThrownBy(() -> new AbcRules(AbcMetric.SCORE, null, null, null, null).normalised())
                .isInstanceOf(PolicyViolation.class)
                .extracting("field")
                .isEqualTo("weights");
        assertThatThrownBy(() -> new AbcRules(
                                AbcMetric.SCORE, Map.of(ScoreWeight.REVENUE, BigDecimal.valueOf(-1)), null, null, null)
                        .normalised())
                .isInstanceOf(PolicyViolation.class);
        assertThatThrownBy(() -> new AbcRules(
                                AbcMetric.REVENUE, Map.of(ScoreWeight.REVENUE, BigDecimal.ONE), null, null, null)
                        .normalised())
                .isInstanceOf(PolicyViolation.class);
        assertThat(new AbcRules(AbcMetric.SCORE, Map.of(ScoreWeight.TENURE, BigDecimal.ONE), null, null, null)
                        .normalised()
                        .weight(ScoreWeight.TENURE))
                .isEqualByComparingTo("1");
    }

    @Test
    void valueRulesDefaultToTwentyPercentAndRejectOutOfRange() {
        assertThat(new ValueRules(null, null).normalised()).isEqualTo(ValueRules.defaults());
        assertThatThrownBy(() -> new ValueRules(BigDecimal.ZERO, null).normalised())
                .isInstanceOf(PolicyViolation.class);
        assertThatThrownBy(() -> new ValueRules(null, BigDecimal.valueOf(101)).normalised())
                .isInstanceOf(PolicyViolation.class);
    }
}
