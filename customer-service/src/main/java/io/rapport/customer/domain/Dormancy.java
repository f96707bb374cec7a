package io.rapport.customer.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * When a customer counts as dormant: no activity (a purchase, refund, cost or update, dated by when it happened,
 * {@code occurredAt}, never by when it was imported) for {@code dormantAfter}. Imported customers start without
 * activity; their imported purchases give it. An activity dated before the cut-off is history, not new activity:
 * it does not wake a DORMANT or ARCHIVED customer. {@link #activity} is the one decision of what activity does to a
 * customer (last activity and reactivation), for a single purchase, refund or cost and for an import batch alike.
 */
public record Dormancy(Period dormantAfter) {

    /** Activity before this instant is too old to keep a customer ACTIVE. */
    public Instant cutoff(Instant now) {
        return now.atZone(ZoneOffset.UTC).minus(dormantAfter).toInstant();
    }

    /** True when activity at {@code at} makes a DORMANT or ARCHIVED customer ACTIVE again. */
    public boolean wakes(Instant at, Instant now) {
        return !at.isBefore(cutoff(now));
    }

    /** The later of the recorded last activity and {@code at}, never past {@code now}. */
    public static Instant latest(Instant last, Instant at, Instant now) {
        Instant capped = at.isAfter(now) ? now : at;
        return last == null || capped.isAfter(last) ? capped : last;
    }

    /**
     * What activity at {@code at} does to a customer in {@code status} whose last activity was {@code last}: last
     * activity moves to the later of the two (never past {@code now}); a DORMANT or ARCHIVED customer is ACTIVE again
     * unless the activity is older than the dormancy period. Other statuses are kept.
     */
    public Activity activity(CustomerStatus status, Instant last, Instant at, Instant now) {
        boolean reactivated = (status == CustomerStatus.DORMANT || status == CustomerStatus.ARCHIVED) && wakes(at, now);
        return new Activity(latest(last, at, now), reactivated ? CustomerStatus.ACTIVE : status, reactivated);
    }

    /** The outcome of {@link #activity}: {@code reactivated} when the status moved back to ACTIVE. */
    public record Activity(Instant lastActivityAt, CustomerStatus status, boolean reactivated) {}
}
