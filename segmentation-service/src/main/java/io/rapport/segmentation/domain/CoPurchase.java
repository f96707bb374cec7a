package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Co-purchase association rules "bought {@code because} -> buys {@code item}" over customers' baskets (each customer
 * is one basket: the distinct items, categories or SKUs, bought in their lifetime), measured on n customers:
 * support = customers who bought both / n; confidence = customers who bought both / customers who bought
 * {@code because}; lift = confidence / (customers who bought {@code item} / n) (above 1: buying {@code because} makes
 * {@code item} more likely than it is overall). For one customer, each item they never bought is recommended by its
 * best rule from an item they bought (highest confidence, then lift, then name); recommendations are ordered the same
 * way. The minimum support (distinct customers who bought both) is applied where the pairs are counted (the query),
 * so that no recommendation rests on, or reveals, the purchases of fewer customers.
 */
public final class CoPurchase {
    private CoPurchase() {}

    /** Customers who bought both items, each item, and all customers. */
    public record PairCount(String item, String because, long both, long becauseCustomers, long itemCustomers) {}

    public record Rule(
            String item, String because, long customers, BigDecimal support, BigDecimal confidence, BigDecimal lift) {}

    private static final Comparator<Rule> BEST = Comparator.comparing(Rule::confidence)
            .reversed()
            .thenComparing(Comparator.comparing(Rule::lift).reversed())
            .thenComparing(Rule::item)
            .thenComparing(Rule::because);

    public static Rule rule(PairCount p, long customers) {
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal n = BigDecimal.valueOf(customers);
        BigDecimal both = BigDecimal.valueOf(p.both());
        BigDecimal confidence = both.divide(BigDecimal.valueOf(p.becauseCustomers()), mc);
        BigDecimal lift =
                confidence.divide(BigDecimal.valueOf(p.itemCustomers()).divide(n, mc), mc);
        return new Rule(p.item(), p.because(), p.both(), both.divide(n, mc), confidence, lift);
    }

    /** The best rule per item, best first, at most {@code limit}. */
    public static List<Rule> recommend(List<PairCount> pairs, long customers, int limit) {
        Map<String, Rule> best = new LinkedHashMap<>();
        for (PairCount p : pairs) {
            Rule r = rule(p, customers);
            best.merge(r.item(), r, (a, b) -> BEST.compare(a, b) <= 0 ? a : b);
        }
        List<Rule> rules = new ArrayList<>(best.values());
        rules.sort(BEST);
        return rules.size() > limit ? List.copyOf(rules.subList(0, limit)) : List.copyOf(rules);
    }
}
