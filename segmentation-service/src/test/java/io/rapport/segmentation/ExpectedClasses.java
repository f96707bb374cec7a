package io.rapport.segmentation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The classes the domain rules (docs/domain-rules.md) give a set of customers, computed the plain way, here in the
 * tests only: the service classifies in SQL alone (ClassificationSql), and its tests compare what the SQL stored with
 * these. Ranking: highest value first, ties by customer id as PostgreSQL orders uuids (their lower-case text).
 */
public final class ExpectedClasses {
    private ExpectedClasses() {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One customer's value on the ranking metric. */
    public record Valued(UUID id, BigDecimal value) {}

    /** One customer as MVC/MGC/BZ sees them; wallet null when unknown. */
    public record Candidate(UUID id, BigDecimal profit, BigDecimal netRevenue, BigDecimal wallet) {
        BigDecimal potential() {
            return wallet == null ? null : wallet.subtract(netRevenue);
        }
    }

    private static <T> Comparator<T> highestFirst(
            java.util.function.Function<T, BigDecimal> value, java.util.function.Function<T, UUID> id) {
        return Comparator.comparing(value, Comparator.reverseOrder())
                .thenComparing(t -> id.apply(t).toString());
    }

    /**
     * ABC: sort; the share before a customer is the value ranked above them / the total positive value in percent
     * (cumulative share) or the customers ranked above / all customers in percent (rank percentile); the class index
     * is how many cut-offs that share has reached; zero or negative value: the last class.
     */
    public static Map<UUID, String> abc(
            List<Valued> customers, boolean cumulativeShare, List<BigDecimal> cutoffs, List<String> labels) {
        List<Valued> ranked = new ArrayList<>(customers);
        ranked.sort(highestFirst(Valued::value, Valued::id));
        BigDecimal total = BigDecimal.ZERO;
        for (Valued v : ranked) {
            if (v.value().signum() > 0) {
                total = total.add(v.value());
            }
        }
        Map<UUID, String> classes = new HashMap<>();
        BigDecimal above = BigDecimal.ZERO;
        for (int i = 0; i < ranked.size(); i++) {
            Valued v = ranked.get(i);
            if (v.value().signum() <= 0) {
                classes.put(v.id(), labels.get(labels.size() - 1));
                continue;
            }
            // share before (percent) >= cut-off, multiplied out: 100 * before >= cut-off * whole
            BigDecimal before = cumulativeShare ? above : BigDecimal.valueOf(i);
            BigDecimal whole = cumulativeShare ? total : BigDecimal.valueOf(ranked.size());
            int index = 0;
            for (BigDecimal cut : cutoffs) {
                if (before.multiply(HUNDRED).compareTo(cut.multiply(whole)) >= 0) {
                    index++;
                }
            }
            classes.put(v.id(), labels.get(index));
            above = above.add(v.value());
        }
        return classes;
    }

    /**
     * MVC/MGC/BZ: BZ when profit is below 0; MVC the top {@code mvcPercent} of the profitable by profit (a customer is
     * in while the share of profitable customers ranked above is below the percent); MGC likewise the top
     * {@code mgcPercent} by potential of the rest (not BZ, not MVC) with a known wallet and a positive potential;
     * OTHER everyone else.
     */
    public static Map<UUID, String> value(List<Candidate> customers, BigDecimal mvcPercent, BigDecimal mgcPercent) {
        Map<UUID, String> classes = new HashMap<>();
        List<Candidate> profitable = new ArrayList<>();
        for (Candidate c : customers) {
            if (c.profit().signum() < 0) {
                classes.put(c.id(), "BZ");
            } else if (c.profit().signum() > 0) {
                profitable.add(c);
            }
        }
        profitable.sort(highestFirst(Candidate::profit, Candidate::id));
        top(profitable, mvcPercent, "MVC", classes);
        List<Candidate> growable = new ArrayList<>();
        for (Candidate c : customers) {
            if (!classes.containsKey(c.id())
                    && c.wallet() != null
                    && c.potential().signum() > 0) {
                growable.add(c);
            }
        }
        growable.sort(highestFirst(Candidate::potential, Candidate::id));
        top(growable, mgcPercent, "MGC", classes);
        customers.forEach(c -> classes.putIfAbsent(c.id(), "OTHER"));
        return classes;
    }

    private static void top(List<Candidate> ranked, BigDecimal percent, String label, Map<UUID, String> classes) {
        for (int i = 0; i < ranked.size(); i++) {
            if (BigDecimal.valueOf(i).multiply(HUNDRED).compareTo(percent.multiply(BigDecimal.valueOf(ranked.size())))
                    >= 0) {
                return;
            }
            classes.put(ranked.get(i).id(), label);
        }
    }
}
