package io.rapport.engagement.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One open contact per customer and recurring plan (trigger {@link TriggerType#EVERY_N_DAYS}): the rule, written once.
 * Scheduling asks {@link #maySchedule} before it opens the plan's next contact; a merge, which brings both records'
 * cycles onto the survivor, asks {@link #surplus} which of the survivor's open contacts go: of each recurring plan the
 * earliest due stays (ties: the lowest id, in PostgreSQL's uuid order), the others are cancelled.
 */
public final class RecurringContacts {
    /** An open (PLANNED or DUE) contact of a plan, as the rule sees it. */
    public record Open(UUID id, UUID planId, TriggerType trigger, Instant dueAt) {}

    /** What stays of a recurring plan's open contacts: the earliest due, then the lowest id. */
    static final Comparator<Open> KEPT_FIRST = Comparator.comparing(Open::dueAt).thenComparing(o -> o.id().toString());

    private RecurringContacts() {}

    /**
     * Whether a plan of this trigger may open another contact for a customer who has {@code openOfPlan} open contacts
     * of it: a recurring plan only when none is open; other plans always (their source keys keep them apart).
     */
    public static boolean maySchedule(TriggerType trigger, Collection<Open> openOfPlan) {
        return trigger != TriggerType.EVERY_N_DAYS || openOfPlan.isEmpty();
    }

    /**
     * The open contacts of one customer that break the rule, each with the contact that stays in its place: for every
     * recurring plan with more than one open contact, all but the earliest due. Contacts of other plans never appear.
     *
     * @return cancelled contact id to the id of the plan's contact that stays, in due order
     */
    public static Map<UUID, UUID> surplus(Collection<Open> open) {
        Map<UUID, List<Open>> byPlan = open.stream()
                .filter(o -> o.planId() != null && o.trigger() == TriggerType.EVERY_N_DAYS)
                .sorted(KEPT_FIRST)
                .collect(Collectors.groupingBy(Open::planId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, UUID> cancel = new LinkedHashMap<>();
        for (List<Open> ofPlan : byPlan.values()) {
            UUID kept = ofPlan.get(0).id();
            for (Open o : ofPlan.subList(1, ofPlan.size())) {
                cancel.put(o.id(), kept);
            }
        }
        return cancel;
    }
}
