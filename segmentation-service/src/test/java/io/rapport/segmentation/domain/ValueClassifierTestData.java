package io.rapport.segmentation.domain;

import static io.rapport.segmentation.domain.AbcClassifierTest.id;

import java.math.BigDecimal;
import java.util.List;

/** The hand-made MVC / MGC / BZ set shared by the unit test and the SQL test. */
public final class ValueClassifierTestData {
    private ValueClassifierTestData() {
    }

    static ValueClassifier.Candidate c(int id, long profit, long revenue, Integer wallet) {
        return new ValueClassifier.Candidate(id(id), BigDecimal.valueOf(profit), BigDecimal.valueOf(revenue),
                wallet == null ? null : BigDecimal.valueOf(wallet.longValue()));
    }

    /** Ten customers: two lose money, eight are profitable, some with wallets. */
    public static List<ValueClassifier.Candidate> handMade() {
        return List.of(
                c(1, 900, 3000, null),     // best profit -> MVC
                c(2, 700, 2500, 2600),     // second -> MVC (top 20% of 8 profitable = 2 by the crossing rule)
                c(3, 500, 2000, 2100),     // potential 100
                c(4, 300, 1000, 9000),     // potential 8000 -> MGC
                c(5, 200, 800, 5000),      // potential 4200
                c(6, 100, 500, null),
                c(7, 50, 400, 300),        // wallet below revenue: no potential
                c(8, 10, 100, 1000),       // potential 900
                c(9, -40, 300, 100000),    // loses money -> BZ despite the wallet
                c(10, -1, 50, null));      // BZ
    }

}
