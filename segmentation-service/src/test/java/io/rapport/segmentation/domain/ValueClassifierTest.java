package io.rapport.segmentation.domain;

import static io.rapport.segmentation.domain.AbcClassifierTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueClassifierTest {

    private static ValueClassifier.Candidate c(int id, long profit, long revenue, Integer wallet) {
        return new ValueClassifier.Candidate(id(id), BigDecimal.valueOf(profit), BigDecimal.valueOf(revenue),
                wallet == null ? null : BigDecimal.valueOf(wallet.longValue()));
    }

    @Test
    void mvcMgcBzOnAHandMadeSet() {
        var classes = ValueClassifier.classify(ValueClassifierTestData.handMade(), ValueRules.defaults());
        assertThat(classes).containsEntry(id(1), "MVC").containsEntry(id(2), "MVC");
        // growable rest: 4 (8000), 5 (4200), 8 (900), 3 (100): top 20% of 4 = positions 0% only -> customer 4
        assertThat(classes).containsEntry(id(4), "MGC");
        assertThat(classes).containsEntry(id(9), "BZ").containsEntry(id(10), "BZ");
        assertThat(classes).containsEntry(id(3), "OTHER").containsEntry(id(5), "OTHER").containsEntry(id(6), "OTHER")
                .containsEntry(id(7), "OTHER").containsEntry(id(8), "OTHER");
    }

    @Test
    void zeroProfitIsNeitherBzNorMvcButCanBeGrowable() {
        var classes = ValueClassifier.classify(List.of(c(1, 0, 100, 1000), c(2, 0, 0, null)), ValueRules.defaults());
        assertThat(classes).containsEntry(id(1), "MGC").containsEntry(id(2), "OTHER");
    }

    @Test
    void onlyKnownWalletsQualifyForMgc() {
        var classes = ValueClassifier.classify(List.of(c(1, 100, 100, null), c(2, 10, 100, null), c(3, 5, 10, null)),
                new ValueRules(BigDecimal.valueOf(10), BigDecimal.valueOf(100)));
        assertThat(classes.values()).doesNotContain("MGC");
    }
}
