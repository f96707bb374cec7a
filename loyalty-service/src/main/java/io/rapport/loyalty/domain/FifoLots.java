package io.rapport.loyalty.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Oldest-first use of earned points: debits take from the lot that expires first (lots that never expire
 * last), then the earliest earned, then by id so the order is total and deterministic.
 */
public final class FifoLots {
    public static final Comparator<Lot> ORDER = Comparator
            .comparing(Lot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lot::earnedAt)
            .thenComparing(Lot::id);

    private FifoLots() {
    }

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
        for (Lot lot : lots.stream().sorted(ORDER).toList()) {
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

    /** The lots whose expiry is at or before {@code now} and that still hold points. */
    public static List<Lot> expired(List<Lot> lots, Instant now) {
        return lots.stream().filter(l -> l.remaining() > 0 && l.expiresAt() != null && !l.expiresAt().isAfter(now))
                .sorted(ORDER).toList();
    }

    public record Lot(UUID id, Instant earnedAt, Instant expiresAt, long remaining) {
    }

    public record Take(UUID lotId, long points) {
    }

    /** What was taken from which lot, and what could not be taken. */
    public record Allocation(List<Take> takes, long shortfall) {
    }
}
