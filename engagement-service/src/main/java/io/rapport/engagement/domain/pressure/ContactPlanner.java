package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Channel;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Places one contact under the contact-pressure rules. Order: do-not-contact and channel consent block (no
 * purpose is exempt); marketing purposes pause while a complaint is open; then the contact goes to the first
 * instant at or after the request that is outside quiet hours, not on a weekend (both in the customer's zone)
 * and, unless its purpose is a service purpose, within every frequency cap. A contact is never dropped: when
 * that slot lies after its expiry the outcome is EXPIRED, with the reasons, except for a complaint follow-up, which
 * {@link ServiceSla} places within its SLA (waiving weekend, then quiet hours) or ESCALATES.
 */
public final class ContactPlanner {
    /** Guard against rules that can never be met (e.g. a zero-width allowed window); far above real needs. */
    private static final int MAX_STEPS = 10_000;

    private final PressureRules rules;

    public ContactPlanner(PressureRules rules) {
        this.rules = rules;
    }

    /**
     * @param timeline outbound contacts already made or placed (not including this one)
     * @param notBefore the earliest instant allowed (now), for requests made for a past instant
     */
    public Placement place(
            ContactRequest request, CustomerContext customer, List<PastContact> timeline, Instant notBefore) {
        Placement placement = placeByPreferences(request, customer, timeline, notBefore);
        if (placement.outcome() == Placement.Outcome.EXPIRED && ServiceSla.applies(request.purpose())) {
            return ServiceSla.rescue(
                    placement,
                    request,
                    customer,
                    notBefore,
                    new ContactPlanner(
                            new PressureRules(rules.quietHours(), true, rules.caps(), rules.implicitConsent())));
        }
        return placement;
    }

    /** The placement under the ordinary rules only (no SLA rescue). */
    Placement placeByPreferences(
            ContactRequest request, CustomerContext customer, List<PastContact> timeline, Instant notBefore) {
        if (customer.doNotContact()) {
            return new Placement(
                    Placement.Outcome.BLOCKED,
                    request.requestedAt(),
                    List.of(new Adjustment(Rule.DO_NOT_CONTACT, "the customer asked not to be contacted")));
        }
        if (!consents(customer, request.channel())) {
            return new Placement(
                    Placement.Outcome.BLOCKED,
                    request.requestedAt(),
                    List.of(new Adjustment(Rule.CONSENT, "no " + request.channel() + " consent")));
        }
        if (customer.complaintOpen() && request.purpose().marketing()) {
            return new Placement(
                    Placement.Outcome.PAUSED,
                    request.requestedAt(),
                    List.of(new Adjustment(
                            Rule.COMPLAINT_OPEN, request.purpose() + " is paused while a complaint is open")));
        }
        Map<Rule, Adjustment> adjustments = new EnumMap<>(Rule.class);
        Instant t = request.requestedAt().isBefore(notBefore) ? notBefore : request.requestedAt();
        List<FrequencyCap> caps = request.purpose().exemptFromCaps()
                ? List.of()
                : FrequencyCap.applicable(rules.caps(), customer.level(), request.channel());
        for (int step = 0; step < MAX_STEPS && !t.isAfter(request.expiresAt()); step++) {
            Instant next = calendar(t, customer, adjustments);
            next = capped(next, caps, request.channel(), timeline, adjustments);
            if (next.equals(t)) {
                List<Adjustment> why = List.copyOf(adjustments.values());
                return new Placement(why.isEmpty() ? Placement.Outcome.ON_TIME : Placement.Outcome.MOVED, t, why);
            }
            t = next;
        }
        adjustments.put(
                Rule.EXPIRED,
                new Adjustment(
                        Rule.EXPIRED, "the first allowed slot " + t + " is after the expiry " + request.expiresAt()));
        return new Placement(Placement.Outcome.EXPIRED, t, List.copyOf(adjustments.values()));
    }

    /** The channel a planned contact uses: the customer's preferred channel when consent allows ({@link PreferredChannel}). */
    public Channel channelFor(Channel planned, CustomerContext customer) {
        return PreferredChannel.choose(planned, customer.preferredChannels(), ch -> consents(customer, ch));
    }

    /** Explicit consent decides; without it, only the channels the rules allow implicitly (an explicit no always blocks). */
    public boolean consents(CustomerContext customer, Channel channel) {
        String key = channel.consentKey();
        Boolean granted = key == null ? null : customer.consents().get(key);
        return granted != null ? granted : rules.implicitConsent().contains(channel);
    }

    private Instant calendar(Instant t, CustomerContext customer, Map<Rule, Adjustment> adjustments) {
        ZonedDateTime local = t.atZone(customer.zone());
        if (!rules.allowWeekends() && weekend(local.getDayOfWeek())) {
            adjustments.putIfAbsent(
                    Rule.WEEKEND,
                    new Adjustment(Rule.WEEKEND, day(local) + " is not a contact day in " + customer.zone()));
            ZonedDateTime monday = local.toLocalDate()
                    .plusDays(local.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1)
                    .atStartOfDay(customer.zone());
            return rules.quietHours().firstAllowed(monday).toInstant();
        }
        ZonedDateTime allowed = rules.quietHours().firstAllowed(local);
        if (!allowed.equals(local)) {
            adjustments.putIfAbsent(
                    Rule.QUIET_HOURS,
                    new Adjustment(
                            Rule.QUIET_HOURS,
                            local.toLocalTime() + " " + day(local) + " in " + customer.zone()
                                    + " is inside quiet hours " + rules.quietHours()));
        }
        return allowed.toInstant();
    }

    private static Instant capped(
            Instant t,
            List<FrequencyCap> caps,
            Channel channel,
            List<PastContact> timeline,
            Map<Rule, Adjustment> adjustments) {
        Instant latest = t;
        for (FrequencyCap cap : caps) {
            Optional<Instant> escape = escape(cap, t, channel, timeline);
            if (escape.isPresent() && escape.get().isAfter(latest)) {
                latest = escape.get();
                adjustments.putIfAbsent(
                        Rule.FREQUENCY_CAP,
                        new Adjustment(
                                Rule.FREQUENCY_CAP,
                                cap.describe() + "; another contact is planned or was made within "
                                        + cap.window().toDays() + " days of " + t));
            }
        }
        return latest;
    }

    /**
     * The earliest instant that leaves every window that {@code t} would overfill, or empty when {@code t} fits.
     * The fullest window containing t starts at a contact in (t - window, t], so only those starts are checked;
     * escaping the earliest overfull window is the smallest move, later ones are found on the next step.
     */
    static Optional<Instant> escape(FrequencyCap cap, Instant t, Channel channel, List<PastContact> timeline) {
        List<Instant> counted = timeline.stream()
                .filter(c -> cap.channel() == null || cap.channel() == c.channel())
                .map(PastContact::at)
                .sorted()
                .toList();
        List<Instant> starts = new ArrayList<>();
        Instant earliestStart = t.minus(cap.window());
        for (Instant c : counted) {
            if (c.isAfter(earliestStart) && !c.isAfter(t)) {
                starts.add(c);
            }
        }
        starts.add(t);
        for (Instant start : starts) {
            Instant end = start.plus(cap.window());
            long inWindow = counted.stream()
                            .filter(c -> !c.isBefore(start) && c.isBefore(end))
                            .count()
                    + 1;
            if (inWindow > cap.max()) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }

    private static boolean weekend(DayOfWeek d) {
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    private static String day(ZonedDateTime z) {
        return z.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + z.toLocalDate();
    }
}
