package io.rapport.loyalty.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Points lots, the FIFO rule's home: a lot earned at {@code earnedAt} expires {@code expiryMonths} later on the UTC
 * calendar (never when the programme's months are 0 or less, see {@link #expiresAt}); debits and expiry take from the
 * lot that expires first (lots that never expire last), then the earliest earned, then by id so the order is total
 * and deterministic. Which lots are due at a moment is set-based and decided in SQL, once ({@code expiry/ExpiryStore}).
 */
public final class FifoLots {
    public static final Comparator<Lot> ORDER = Comparator.comparing(
                    Lot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lot::earnedAt)
            .thenComparing(Lot::id);

    private FifoLots() {}

    /**
     * Takes {@code points} from the lots, oldest first. Takes at most what the lots hold: the caller has
     * already checked the balance, and a shortfall (lots and balance out of step) is returned, not hidden.
     */
    public static Allocation take(List<Lot> lots, long points) {
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative");
        }
        List<Take> takes = new ArrayList<>();
        long left = points;
        for (Lot lot : inOrder(lots)) {
            if (left == 0) {
                break;
            }
            long n = Math.min(left, lot.remaining());
            if (n > 0) {
                takes.add(new Take(lot.id(), n));
                left -= n;
            }
        }
        return new Allocation(takes, left);
    }

    /** When a lot earned at {@code earnedAt} expires; null (never) when {@code expiryMonths} is 0 or less. */
    public static Instant expiresAt(Instant earnedAt, int expiryMonths) {
        return expiryMonths <= 0
                ? null
                : earnedAt.atOffset(ZoneOffset.UTC).plusMonths(expiryMonths).toInstant();
    }

    /** The lots in the order they are used and expire. */
    public static List<Lot> inOrder(List<Lot> lots) {
        return lots.stream().sorted(ORDER).toList();
    }

    public record Lot(UUID id, Instant earnedAt, Instant expiresAt, long remaining) {}

    public record Take(UUID lotId, long points) {}

    /** What was taken from which lot, and what could not be taken. */
    public record Allocation(List<Take> takes, long shortfall) {}
}
