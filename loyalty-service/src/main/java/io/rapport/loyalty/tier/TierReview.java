package io.rapport.loyalty.tier;

import io.rapport.loyalty.domain.TierPolicy;
import io.rapport.loyalty.domain.TierPolicy.Decision;
import io.rapport.loyalty.domain.TierPolicy.Qualification;
import io.rapport.loyalty.domain.TierRule;
import io.rapport.loyalty.domain.TierWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decide step of tier evaluation, pure: {@link TierPolicy} applied to a member, either mid-period (an upgrade or
 * nothing) or at the ends of the qualification periods that have passed (each may upgrade or downgrade, with the figure
 * of the window ending there), after which the member is in the period that contains now.
 */
public final class TierReview {
    private TierReview() {}

    /** What tiers need of a programme; {@code unit} names the figure in reasons. */
    public record Terms(List<TierRule> tiers, String unit, int qualificationMonths, boolean segmentTiers) {
        boolean canClimb(int rank) {
            return tiers.stream().anyMatch(t -> t.rank() > rank);
        }
    }

    /** A member's tier as it stands. */
    public record Standing(String tierCode, int tierRank) {}

    /** One tier change. */
    public record Change(String fromTier, TierRule to, String direction, String reason, Instant at) {}

    /** The changes at the period ends, in order, and the period the member is in afterwards. */
    public record Outcome(List<Change> changes, Instant periodStart, Instant periodEnd) {}

    /** Whether a mid-period evaluation needs a figure at all (only a higher tier can change anything). */
    public static boolean needsFigure(Terms t, Standing s) {
        return t.canClimb(s.tierRank());
    }

    /** Mid-period: an upgrade when the figure or a segment class reaches a higher tier, never a downgrade. */
    public static Optional<Change> midPeriod(Terms t, Standing s, BigDecimal figure, Set<String> classes, Instant at) {
        if (!t.canClimb(s.tierRank())) {
            return Optional.empty();
        }
        return decide(t, s, figure, classes, at, false);
    }

    /** The period ends at or before {@code now}, from {@code periodEnd} on, each a period after the one before. */
    public static List<Instant> dueEnds(Instant periodEnd, int months, Instant now) {
        List<Instant> ends = new ArrayList<>();
        for (Instant end = periodEnd; !end.isAfter(now); end = TierWindow.periodEnd(end, months)) {
            ends.add(end);
        }
        return ends;
    }

    /**
     * At each of the period {@code ends} (see {@link #dueEnds}), with the figure of the window ending there: the tier the
     * member qualifies for, up or down. Afterwards the member is in the period after the last end.
     */
    public static Outcome endOfPeriods(
            Terms t,
            Standing s,
            List<Instant> ends,
            List<BigDecimal> figures,
            Set<String> classes,
            Instant periodStart,
            Instant periodEnd) {
        List<Change> changes = new ArrayList<>();
        Standing now = s;
        Instant start = periodStart;
        Instant end = periodEnd;
        for (int i = 0; i < ends.size(); i++) {
            Optional<Change> c = decide(t, now, figures.get(i), classes, ends.get(i), true);
            if (c.isPresent()) {
                changes.add(c.get());
                now = new Standing(c.get().to().code(), c.get().to().rank());
            }
            start = ends.get(i);
            end = TierWindow.periodEnd(ends.get(i), t.qualificationMonths());
        }
        return new Outcome(changes, start, end);
    }

    private static Optional<Change> decide(
            Terms t, Standing s, BigDecimal figure, Set<String> classes, Instant at, boolean periodEnded) {
        Qualification q = TierPolicy.qualify(t.tiers(), figure, t.unit(), t.segmentTiers() ? classes : Set.of());
        TierRule current = t.tiers().stream()
                .filter(r -> r.code().equals(s.tierCode()))
                .findFirst()
                .orElse(q.tier());
        Decision d = TierPolicy.decide(current, q, periodEnded);
        if (d == Decision.KEEP) {
            return Optional.empty();
        }
        return Optional.of(new Change(s.tierCode(), q.tier(), d == Decision.UPGRADE ? "UP" : "DOWN", q.reason(), at));
    }
}
