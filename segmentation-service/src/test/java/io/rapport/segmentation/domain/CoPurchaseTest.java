package io.rapport.segmentation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoPurchaseTest {

    @Test
    void supportConfidenceAndLiftOfARule() {
        // 100 customers: 20 bought TENTS, 10 SLEEPING_BAGS, 8 both
        CoPurchase.Rule r = CoPurchase.rule(new CoPurchase.PairCount("SLEEPING_BAGS", "TENTS", 8, 20, 10), 100);
        assertThat(r.support()).isEqualByComparingTo("0.08");
        assertThat(r.confidence()).isEqualByComparingTo("0.4");
        assertThat(r.lift()).isEqualByComparingTo("4");
        assertThat(r.customers()).isEqualTo(8);
    }

    @Test
    void eachItemComesWithItsBestRuleBestFirst() {
        List<CoPurchase.Rule> rules = CoPurchase.recommend(
                List.of(
                        new CoPurchase.PairCount("STOVES", "TENTS", 5, 20, 40), // confidence 0.25
                        new CoPurchase.PairCount("STOVES", "BOOTS", 6, 10, 40), // confidence 0.6: the best for STOVES
                        new CoPurchase.PairCount("SLEEPING_BAGS", "TENTS", 8, 20, 10)), // confidence 0.4
                100,
                10);
        assertThat(rules).extracting(CoPurchase.Rule::item).containsExactly("STOVES", "SLEEPING_BAGS");
        assertThat(rules.get(0).because()).isEqualTo("BOOTS");
        assertThat(CoPurchase.recommend(
                        List.of(
                                new CoPurchase.PairCount("A", "B", 5, 5, 5),
                                new CoPurchase.PairCount("C", "B", 5, 5, 5)),
                        10,
                        1))
                .hasSize(1);
    }
}
