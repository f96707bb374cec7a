package io.rapport.engagement.service;

import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactPlan;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.PurchaseFact;
import io.rapport.engagement.domain.RecurringContacts;
import io.rapport.engagement.domain.TriggerType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns level changes and closed recurring contacts into contacts through the customer's level's plans (purchases:
 * {@link PurchaseScheduling}). Each contact carries a source key built from the fact (level change and plan, recurring
 * plan and day), so a replayed fact schedules nothing new.
 */
@ApplicationScoped
public class PlanTriggers {
    private final ContactScheduler scheduler;
    private final PurchaseScheduling purchases;
    private final EntityManager em;
    private final Clock clock;

    public PlanTriggers(ContactScheduler scheduler, PurchaseScheduling purchases, EntityManager em, Clock clock) {
        this.scheduler = scheduler;
        this.purchases = purchases;
        this.em = em;
        this.clock = clock;
    }

    /**
     * As {@link #levelChanged(CustomerProfile, UUID)}; when the level rose, the customer's latest purchase also gets the
     * new level's AFTER_PURCHASE follow-ups (it is usually what raised the level, and was scheduled at the old level
     * before segmentation reacted). Its source keys are the purchase's, so a purchase already followed up at this level
     * (or replayed later) schedules nothing twice, and one whose follow-up would already have expired schedules none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void levelChanged(CustomerProfile profile, Level from, UUID changeId) {
        levelChanged(profile, changeId);
        if (from != null && profile.level.compareTo(from) > 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> last = em.createNativeQuery("select last_purchase_id, last_purchase_at from customer_profile"
                            + " where customer_id = ?1 and last_purchase_id is not null")
                    .setParameter(1, profile.customerId)
                    .getResultList();
            for (Object[] row : last) {
                purchases.schedule(List.of(
                        new PurchaseFact((String) row[0], profile.customerId, ContactScheduler.instant(row[1]))));
            }
        }
    }

    /**
     * The level changed: open recurring contacts of other levels' plans are cancelled, the new level's
     * ON_LEVEL_CHANGE plans schedule a contact and its EVERY_N_DAYS plans start their cycle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void levelChanged(CustomerProfile profile, UUID changeId) {
        Instant now = clock.instant();
        List<Contact> recurring = Contact.list(
                "customerId = ?1 and state in ?2 and planId is not null",
                profile.customerId,
                List.of(ContactState.PLANNED, ContactState.DUE));
        for (Contact c : recurring) {
            ContactPlan plan = ContactPlan.findById(c.planId);
            if (plan != null && plan.triggerType == TriggerType.EVERY_N_DAYS && plan.level != profile.level) {
                c.close(ContactState.CANCELLED, "LEVEL_CHANGED: the customer is now " + profile.level, now);
            }
        }
        for (ContactPlan plan : ContactPlan.active(profile.level, TriggerType.ON_LEVEL_CHANGE)) {
            Instant requested = now.plus(Duration.ofDays(plan.days));
            scheduler.create(
                    spec(
                            plan,
                            profile,
                            requested,
                            requested.plus(Duration.ofDays(plan.validityDays)),
                            "level:" + changeId + ":" + plan.id),
                    profile,
                    plan.queue);
        }
        for (ContactPlan plan : ContactPlan.active(profile.level, TriggerType.EVERY_N_DAYS)) {
            scheduleRecurring(plan, profile, now.plus(Duration.ofDays(plan.days)));
        }
    }

    /** A contact of a recurring plan was closed: the next one follows {@code days} after it, while the plan applies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(Contact c, CustomerProfile profile) {
        if (c.planId == null) {
            return;
        }
        ContactPlan plan = ContactPlan.findById(c.planId);
        if (plan != null
                && plan.active
                && plan.triggerType == TriggerType.EVERY_N_DAYS
                && plan.level == profile.level
                && profile.level != Level.BASIC) {
            scheduleRecurring(plan, profile, c.closedAt.plus(Duration.ofDays(plan.days)));
        }
    }

    /** Schedules the plan's next contact if {@link RecurringContacts#maySchedule} allows it (none open already). */
    private void scheduleRecurring(ContactPlan plan, CustomerProfile profile, Instant requested) {
        List<Contact> open = Contact.list(
                "customerId = ?1 and planId = ?2 and state in ?3",
                profile.customerId,
                plan.id,
                List.of(ContactState.PLANNED, ContactState.DUE));
        if (!RecurringContacts.maySchedule(
                plan.triggerType,
                open.stream()
                        .map(c -> new RecurringContacts.Open(c.id, c.planId, plan.triggerType, c.dueAt))
                        .toList())) {
            return;
        }
        String key = "every:" + plan.id + ":" + profile.customerId + ":" + requested.getEpochSecond() / 86_400;
        scheduler.create(
                spec(plan, profile, requested, requested.plus(Duration.ofDays(plan.validityDays)), key),
                profile,
                plan.queue);
    }

    private NewContact spec(ContactPlan plan, CustomerProfile profile, Instant requested, Instant expires, String key) {
        return new NewContact(
                profile.customerId,
                scheduler.channelFor(plan.channel, profile),
                plan.purpose,
                requested,
                expires,
                plan.id,
                null,
                key,
                plan.assigneeFor(profile.ownerId),
                null,
                "plan:" + plan.name);
    }
}
