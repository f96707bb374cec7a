package io.rapport.loyalty.expiry;

import io.rapport.loyalty.domain.FifoLots;
import java.util.ArrayList;
import java.util.List;

/**
 * What expiring a member's due lots books, oldest first ({@link FifoLots#ORDER}): each due lot is emptied, and expires
 * what it holds, but never more than the spendable balance left (lots and balance may differ after a reversal took
 * points from the balance); a lot that expires nothing books no entry. Pure; the lots are those the store found due.
 */
public final class ExpiryDecision {
    private ExpiryDecision() {}

    /** One due lot: the points it expires (0: emptied without an entry) and the balance once they are gone. */
    public record Expiration(FifoLots.Lot lot, long points, long balanceAfter) {}

    public static List<Expiration> decide(long balance, List<FifoLots.Lot> dueLots) {
        List<Expiration> out = new ArrayList<>(dueLots.size());
        long left = balance;
        for (FifoLots.Lot lot : FifoLots.inOrder(dueLots)) {
            long points = Math.max(0, Math.min(lot.remaining(), left));
            left -= points;
            out.add(new Expiration(lot, points, left));
        }
        return out;
    }
}
