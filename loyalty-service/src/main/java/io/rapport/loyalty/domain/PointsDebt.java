package io.rapport.loyalty.domain;

/**
 * The refund-after-redemption policy: a member's position is spendable points minus a points debt, and the ledger
 * sums to exactly that. A reversal takes what the spendable points hold and records the rest as debt (never a silent
 * loss, never negative spendable points); every later credit (earnings, referral bonuses, positive adjustments) pays
 * the debt first and only the rest becomes spendable. Pure arithmetic; the caller books the ledger entry and the lots.
 */
public final class PointsDebt {
    private PointsDebt() {}

    /** A member's two figures, both never negative. */
    public record Position(long spendable, long debt) {
        public Position {
            if (spendable < 0 || debt < 0) {
                throw new IllegalArgumentException("spendable points and debt are never negative");
            }
        }

        /** What the ledger sums to. */
        public long net() {
            return spendable - debt;
        }
    }

    /**
     * A reversal of {@code points}: {@code fromSpendable} comes out of the spendable points (oldest lots first),
     * {@code addedDebt} is owed.
     */
    public record Reversal(long fromSpendable, long addedDebt, Position after) {}

    /** A credit of {@code points}: {@code settled} pays the debt, {@code spendable} becomes a new lot. */
    public record Credit(long settled, long spendable, Position after) {}

    public static Reversal reverse(Position before, long points) {
        requirePositive(points);
        long taken = Math.min(points, before.spendable());
        long owed = points - taken;
        return new Reversal(taken, owed, new Position(before.spendable() - taken, Math.addExact(before.debt(), owed)));
    }

    public static Credit credit(Position before, long points) {
        requirePositive(points);
        long settled = Math.min(points, before.debt());
        long rest = points - settled;
        return new Credit(
                settled, rest, new Position(Math.addExact(before.spendable(), rest), before.debt() - settled));
    }

    /**
     * Two positions become one (a merge of memberships): the spendable points of one pay the debt of the other, so a
     * member never holds spendable points and a debt at the same time.
     */
    public static Position combine(Position a, Position b) {
        long spendable = Math.addExact(a.spendable(), b.spendable());
        long debt = Math.addExact(a.debt(), b.debt());
        long settled = Math.min(spendable, debt);
        return new Position(spendable - settled, debt - settled);
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive");
        }
    }
}
