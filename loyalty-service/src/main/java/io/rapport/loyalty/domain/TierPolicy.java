package io.rapport.loyalty.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Tier rules. A member qualifies for the best tier whose threshold the qualifying figure of the rolling
 * window reaches (points EARNED or spend, never the current balance), or whose segment classes include
 * one of the customer's classes. An upgrade applies at once; a downgrade only when the qualification
 * period has ended.
 */
public final class TierPolicy {
    private TierPolicy() {}

    /** How the qualifying figure is named in reasons. */
    public static String unit(boolean spendBased, String currency) {
        return spendBased ? currency + " spent" : "points earned";
    }

    /** The tier the figures qualify for, with the reason in words. */
    public static Qualification qualify(
            List<TierRule> tiers, BigDecimal figure, String unit, Set<String> customerClasses) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a programme needs at least one tier");
        }
        List<TierRule> ordered = tiers.stream()
                .sorted(Comparator.comparingInt(TierRule::rank).reversed())
                .toList();
        for (TierRule t : ordered) {
            String segment = t.segmentClasses().stream()
                    .filter(customerClasses::contains)
                    .sorted()
                    .findFirst()
                    .orElse(null);
            if (segment != null) {
                return new Qualification(t, "segment class " + segment + " qualifies for " + t.code());
            }
            if (figure.compareTo(t.threshold()) >= 0) {
                return new Qualification(
                        t,
                        figure.stripTrailingZeros().toPlainString() + " " + unit + " in the window (" + t.code()
                                + " needs " + t.threshold().stripTrailingZeros().toPlainString() + ")");
            }
        }
        TierRule lowest = ordered.get(ordered.size() - 1);
        return new Qualification(lowest, "entry tier");
    }

    /**
     * What happens to a member at {@code current} who now qualifies for {@code qualified}.
     *
     * @param periodEnded true only when evaluating at the end of the member's qualification period
     */
    public static Decision decide(TierRule current, Qualification qualified, boolean periodEnded) {
        int cmp = Integer.compare(qualified.tier().rank(), current.rank());
        if (cmp > 0) {
            return Decision.UPGRADE;
        }
        if (cmp < 0 && periodEnded) {
            return Decision.DOWNGRADE;
        }
        return Decision.KEEP;
    }

    public record Qualification(TierRule tier, String reason) {}

    public enum Decision {
        UPGRADE,
        DOWNGRADE,
        KEEP
    }
}
