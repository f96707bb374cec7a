package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reference implementation of MVC / MGC / BZ / OTHER (see {@link ValueRules}); SQL does the same. */
public final class ValueClassifier {
    private ValueClassifier() {
    }

    /** A customer's window profit and revenue and their wallet (null when unknown). */
    public record Candidate(UUID customerId, BigDecimal profit, BigDecimal revenue, BigDecimal wallet) {
        public BigDecimal potential() {
            return wallet == null ? null : wallet.subtract(revenue);
        }

        boolean growable() {
            return wallet != null && potential().signum() > 0;
        }
    }

    public static Map<UUID, String> classify(List<Candidate> customers, ValueRules rules) {
        Map<UUID, String> classes = new HashMap<>();
        List<Candidate> profitable = new ArrayList<>();
        for (Candidate c : customers) {
            if (c.profit().signum() < 0) {
                classes.put(c.customerId(), ValueRules.BZ);
            } else if (c.profit().signum() > 0) {
                profitable.add(c);
            }
        }
        profitable.sort(Ranking.highestFirst(Candidate::profit, Candidate::customerId));
        top(profitable, rules.mvcTopPercent(), ValueRules.MVC, classes);
        List<Candidate> growable = new ArrayList<>();
        for (Candidate c : customers) {
            if (!classes.containsKey(c.customerId()) && c.growable()) {
                growable.add(c);
            }
        }
        growable.sort(Ranking.highestFirst(Candidate::potential, Candidate::customerId));
        top(growable, rules.mgcTopPercent(), ValueRules.MGC, classes);
        for (Candidate c : customers) {
            classes.putIfAbsent(c.customerId(), ValueRules.OTHER);
        }
        return classes;
    }

    private static void top(List<Candidate> ranked, BigDecimal percent, String label, Map<UUID, String> classes) {
        BigDecimal n = BigDecimal.valueOf(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            if (Ranking.reached(BigDecimal.valueOf(i), n, percent)) {
                return;
            }
            classes.put(ranked.get(i).customerId(), label);
        }
    }
}
