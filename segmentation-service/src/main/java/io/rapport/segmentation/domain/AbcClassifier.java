package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reference implementation of ABC assignment (the service does the same in SQL, and tests check both
 * agree). Rank by value, highest first, ties by customer id. A customer's position is the share before
 * them: the value of everyone ranked above divided by the total positive value (CUMULATIVE_SHARE), or the
 * number of customers ranked above divided by all customers (RANK_PERCENTILE). The class index is the
 * number of cut-offs that position has reached, so the customer who crosses a cut-off stays in the class
 * before it. Zero or negative value: always the last class.
 */
public final class AbcClassifier {
    private AbcClassifier() {
    }

    /** A customer and the value of the policy's metric. */
    public record Valued(UUID customerId, BigDecimal value) {
    }

    /** @return class label per customer, in ranking order */
    public static Map<UUID, String> classify(List<Valued> customers, AbcRules rules) {
        List<Valued> ranked = new ArrayList<>(customers);
        ranked.sort(Ranking.highestFirst(Valued::value, Valued::customerId));
        BigDecimal total = ranked.stream().map(Valued::value).filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal n = BigDecimal.valueOf(ranked.size());
        Map<UUID, String> classes = new LinkedHashMap<>();
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 0; i < ranked.size(); i++) {
            Valued c = ranked.get(i);
            if (c.value().signum() <= 0) {
                classes.put(c.customerId(), rules.lastLabel());
                continue;
            }
            BigDecimal position = rules.method() == AbcMethod.CUMULATIVE_SHARE ? before : BigDecimal.valueOf(i);
            BigDecimal of = rules.method() == AbcMethod.CUMULATIVE_SHARE ? total : n;
            int index = 0;
            for (BigDecimal cut : rules.cutoffs()) {
                if (Ranking.reached(position, of, cut)) {
                    index++;
                }
            }
            classes.put(c.customerId(), rules.labels().get(index));
            before = before.add(c.value());
        }
        return classes;
    }
}
