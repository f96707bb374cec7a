package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SERVICE_SLA rule: a service follow-up of an open complaint (its expiry is the complaint's SLA deadline) is never
 * let expire by the customer's contact preferences. When the ordinary rules put its first slot after the deadline, the
 * preferences give way in this order, and the first that meets the deadline wins:
 * <ol>
 * <li>weekend waived: the first slot outside quiet hours, weekend or not;</li>
 * <li>quiet hours waived too: as soon as requested (or now);</li>
 * <li>escalated: even now is past the deadline, so the contact is placed now, marked ESCALATED with the reason, and
 * stays open for {@link #ESCALATION_WINDOW} more (never dropped, never EXPIRED at creation).</li>
 * </ol>
 * Do-not-contact and consent are never waived (they block before this rule is reached).
 */
public final class ServiceSla {
    /** How long an escalated follow-up stays open after its (late) slot. */
    public static final Duration ESCALATION_WINDOW = Duration.ofHours(24);

    private ServiceSla() {}

    /** Whether the purpose is bound to a complaint's SLA, so that this rule applies. */
    public static boolean applies(Purpose purpose) {
        return purpose.heldToComplaintSla();
    }

    /**
     * @param expired the placement under the ordinary rules, EXPIRED
     * @param relaxed the rules with weekends allowed
     * @return the placement that meets the SLA, or an ESCALATED one
     */
    static Placement rescue(
            Placement expired,
            ContactRequest request,
            CustomerContext customer,
            Instant notBefore,
            ContactPlanner relaxed) {
        List<Adjustment> kept = new ArrayList<>(expired.adjustments().stream()
                .filter(a -> a.rule() != Rule.EXPIRED)
                .toList());
        String ordinary = "the first slot under the customer's preferences " + expired.at()
                + " is after the SLA deadline " + request.expiresAt();
        Placement weekday = relaxed.placeByPreferences(request, customer, List.of(), notBefore);
        if (weekday.scheduled()) {
            kept.add(new Adjustment(Rule.SERVICE_SLA, ordinary + "; the weekend is waived, placed at " + weekday.at()));
            return new Placement(Placement.Outcome.MOVED, weekday.at(), List.copyOf(kept));
        }
        Instant asap = request.requestedAt().isBefore(notBefore) ? notBefore : request.requestedAt();
        if (!asap.isAfter(request.expiresAt())) {
            kept.add(new Adjustment(
                    Rule.SERVICE_SLA, ordinary + "; quiet hours and the weekend are waived, placed at " + asap));
            return new Placement(Placement.Outcome.MOVED, asap, List.copyOf(kept));
        }
        kept.add(new Adjustment(
                Rule.SERVICE_SLA,
                "no slot meets the SLA deadline " + request.expiresAt()
                        + " even with quiet hours and the weekend waived; ESCALATED: to be made at once, open until "
                        + asap.plus(ESCALATION_WINDOW)));
        return new Placement(Placement.Outcome.ESCALATED, asap, List.copyOf(kept));
    }
}
