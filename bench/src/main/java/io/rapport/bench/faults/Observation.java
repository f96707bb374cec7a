package io.rapport.bench.faults;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the services' databases hold for a set of accepted purchases, and the verdict: a purchase is <em>lost</em> when a
 * service lacks it, <em>doubled</em> when a service applied it more than once (two ledger entries or more points than
 * 1 per EUR, two follow-ups, a customer whose purchase count or revenue in segmentation exceeds customer-service's).
 *
 * @param recorded per purchase id, customer-service's purchase rows
 * @param earned per purchase id, loyalty's ledger entries in the harness's programme
 * @param points per purchase id, the points of those entries
 * @param counted per purchase id, segmentation's applied facts
 * @param followedUp per purchase id, engagement's follow-up contacts
 * @param customerTotals per customer, customer-service's purchase count and money
 * @param segmentationTotals per customer, segmentation's purchase count and revenue
 */
record Observation(
        Map<String, Integer> recorded,
        Map<String, Integer> earned,
        Map<String, Long> points,
        Map<String, Integer> counted,
        Map<String, Integer> followedUp,
        Map<String, Reconciler.Totals> customerTotals,
        Map<String, Reconciler.Totals> segmentationTotals) {

    /** The services reconciled, in table order. */
    static final List<String> SERVICES = List.of("customer", "loyalty", "segmentation", "engagement");

    /** Per service, how many of the purchases it holds at least once. */
    Map<String, Integer> observed(List<PurchaseLoad.Accepted> purchases) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("customer", present(recorded, purchases));
        out.put("loyalty", present(earned, purchases));
        out.put("segmentation", present(counted, purchases));
        out.put("engagement", present(followedUp, purchases));
        return out;
    }

    /** Purchases some service does not hold. */
    List<String> lost(List<PurchaseLoad.Accepted> purchases) {
        List<String> lost = new ArrayList<>();
        for (PurchaseLoad.Accepted p : purchases) {
            String id = p.purchaseId();
            List<String> missing = new ArrayList<>();
            if (!recorded.containsKey(id)) {
                missing.add("customer");
            }
            if (!earned.containsKey(id)) {
                missing.add("loyalty");
            }
            if (!counted.containsKey(id)) {
                missing.add("segmentation");
            }
            if (!followedUp.containsKey(id)) {
                missing.add("engagement");
            }
            if (!missing.isEmpty()) {
                lost.add(p.orderId() + " (purchase " + id + ") missing in " + String.join(", ", missing));
            }
        }
        return lost;
    }

    boolean converged(List<PurchaseLoad.Accepted> purchases) {
        return lost(purchases).isEmpty();
    }

    /** Effects applied more than once, for these purchases and their customers' totals. */
    List<String> doubled(List<PurchaseLoad.Accepted> purchases) {
        List<String> doubled = new ArrayList<>();
        Set<String> customers = new HashSet<>();
        for (PurchaseLoad.Accepted p : purchases) {
            String id = p.purchaseId();
            customers.add(p.customerId());
            if (recorded.getOrDefault(id, 0) > 1) {
                doubled.add(p.orderId() + ": " + recorded.get(id) + " purchases in customer-service");
            }
            if (earned.getOrDefault(id, 0) > 1) {
                doubled.add(p.orderId() + ": " + earned.get(id) + " ledger entries in loyalty");
            }
            long expectedPoints = p.amount().longValue(); // 1 point per EUR, one tier with multiplier 1, no bonus
            if (earned.containsKey(id) && points.getOrDefault(id, 0L) != expectedPoints) {
                doubled.add(p.orderId() + ": " + points.get(id) + " points in loyalty for " + p.amount() + " EUR");
            }
            if (followedUp.getOrDefault(id, 0) > 1) {
                doubled.add(p.orderId() + ": " + followedUp.get(id) + " follow-ups in engagement");
            }
        }
        for (String c : customers) {
            Reconciler.Totals source = customerTotals.getOrDefault(c, new Reconciler.Totals(0, BigDecimal.ZERO));
            Reconciler.Totals seg = segmentationTotals.getOrDefault(c, new Reconciler.Totals(0, BigDecimal.ZERO));
            if (seg.purchases() > source.purchases() || seg.money().compareTo(source.money()) > 0) {
                doubled.add("customer " + c + ": segmentation counts " + seg.purchases() + " purchases / "
                        + seg.money().toPlainString() + " EUR, customer-service " + source.purchases() + " / "
                        + source.money().toPlainString());
            }
        }
        return doubled;
    }

    private static int present(Map<String, Integer> counts, List<PurchaseLoad.Accepted> purchases) {
        int n = 0;
        for (PurchaseLoad.Accepted p : purchases) {
            if (counts.containsKey(p.purchaseId())) {
                n++;
            }
        }
        return n;
    }
}
