package io.rapport.loyalty.domain;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The rolling qualification window of tiers, the rule's only home: the {@code months} (the programme's qualification
 * months) ending at the evaluation time {@code to}, start exclusive, end inclusive, months counted on the UTC calendar.
 * The qualifying figure is the sum of EARN and REVERSE entries (points, or their money for spend-based programmes)
 * that occurred inside it; {@link #SQL_CONDITION} is the same bounds for the set-based sum
 * ({@code tier/TierStore}), {@link #contains} for a credit the earning run adds in memory. A member's qualification
 * period is as long as the window ({@link #periodEnd}); at its end the window ending there decides a downgrade.
 *
 * @param from the start (exclusive)
 * @param to the end, the evaluation time (inclusive)
 */
public record TierWindow(Instant from, Instant to) {
    /**
     * The window as a join condition of {@code ledger_entry l} on a relation {@code w} of windows with the columns
     * {@code from_at} ({@link #from}) and {@code to_at} ({@link #to}).
     */
    public static final String SQL_CONDITION =
            "l.kind in ('EARN', 'REVERSE') and l.occurred_at > w.from_at and l.occurred_at <= w.to_at";

    /** The window of {@code months} ending at {@code at}. */
    public static TierWindow ending(Instant at, int months) {
        return new TierWindow(at.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant(), at);
    }

    /** The end of a qualification period that starts at {@code start}: as long as the window, {@code months}. */
    public static Instant periodEnd(Instant start, int months) {
        return start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** Whether something that occurred at {@code at} counts in this window. */
    public boolean contains(Instant at) {
        return at.isAfter(from) && !at.isAfter(to);
    }
}
