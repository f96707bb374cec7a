package io.rapport.engagement.service;

import io.rapport.contracts.engagement.ContactExpired;
import io.rapport.contracts.engagement.ContactScheduled;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.engagement.domain.ContactPlan;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.FollowUp;
import io.rapport.engagement.domain.FollowUpCustomer;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.PurchaseFact;
import io.rapport.engagement.domain.PurchaseFollowUps;
import io.rapport.engagement.domain.TriggerType;
import io.rapport.engagement.domain.pressure.Placement;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Schedules the follow-up contacts of many purchases in the caller's transaction with a fixed number of statements:
 * the customers' projections (stubs for unknown ones), open complaints, used source keys and cap timelines are read
 * for all of them at once; {@link PurchaseFollowUps} plans in memory; contacts, adjustments and ContactScheduled /
 * ContactExpired outbox rows are written with one JDBC batch each. A concurrent writer of the same source key makes the
 * unique index fail the transaction rather than schedule twice.
 */
@ApplicationScoped
public class PurchaseScheduling {
    private final EntityManager em;
    private final PressureSettingsService settings;
    private final Outbox outbox;
    private final ContactScheduler scheduler;
    private final Clock clock;

    public PurchaseScheduling(
            EntityManager em,
            PressureSettingsService settings,
            Outbox outbox,
            ContactScheduler scheduler,
            Clock clock) {
        this.em = em;
        this.scheduler = scheduler;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return how many contacts were created (scheduled, paused, cancelled or expired) */
    @Transactional(Transactional.TxType.MANDATORY)
    public int schedule(List<PurchaseFact> purchases) {
        if (purchases.isEmpty()) {
            return 0;
        }
        em.flush(); // projection changes made earlier in this transaction through Hibernate are read below over JDBC
        Instant now = clock.instant();
        PurchaseFollowUps followUps = new PurchaseFollowUps(settings.planner(), plansByLevel());
        List<FollowUp> placed = em.unwrap(Session.class).doReturningWork(connection -> {
            FollowUpStore store = new FollowUpStore(connection);
            Set<UUID> ids = new LinkedHashSet<>();
            purchases.forEach(p -> ids.add(p.customerId()));
            Map<UUID, FollowUpCustomer> customers = store.customers(ids, now);
            store.rememberLastPurchases(purchases);
            List<PurchaseFollowUps.Candidate> candidates = followUps.candidates(purchases, customers, now);
            if (candidates.isEmpty()) {
                return List.<FollowUp>of();
            }
            Set<UUID> planned = new LinkedHashSet<>();
            candidates.forEach(c -> planned.add(c.purchase().customerId()));
            List<FollowUp> placedNow = followUps.place(
                    candidates,
                    customers,
                    store.timelines(planned, now.minus(ContactScheduler.LOOK_BACK)),
                    store.usedKeys(candidates.stream()
                            .map(PurchaseFollowUps.Candidate::sourceKey)
                            .toList()),
                    now);
            store.insert(placedNow, now);
            outbox.publishAll(connection, events(placedNow, now));
            return placedNow;
        });
        for (FollowUp f : placed) {
            if (f.counts()) {
                scheduler.giveWay(
                        f.contactId(), f.request().purpose(), f.placement(), CustomerProfile.findById(f.customerId()));
            }
        }
        return placed.size();
    }

    private static Map<Level, List<ContactPlan>> plansByLevel() {
        Map<Level, List<ContactPlan>> plans = new EnumMap<>(Level.class);
        for (ContactPlan plan : ContactPlan.<ContactPlan>list(
                "triggerType = ?1 and active = true order by id", TriggerType.AFTER_PURCHASE)) {
            plans.computeIfAbsent(plan.level, l -> new ArrayList<>()).add(plan);
        }
        return plans;
    }

    /** What a contact created one by one publishes: scheduled when placed, expired when no slot came before expiry. */
    private static List<Outbox.Pending> events(List<FollowUp> followUps, Instant now) {
        List<Outbox.Pending> events = new ArrayList<>();
        for (FollowUp f : followUps) {
            String contactId = f.contactId().toString();
            String customerId = f.customerId().toString();
            if (f.placement().scheduled()) {
                events.add(new Outbox.Pending(
                        EngagementEvents.CONTACT_SCHEDULED,
                        customerId,
                        new ContactScheduled(
                                contactId,
                                customerId,
                                f.request().channel().name(),
                                f.request().purpose().name(),
                                f.request().requestedAt(),
                                f.dueAt(),
                                f.request().expiresAt(),
                                f.planId().toString(),
                                null,
                                f.assigneeId(),
                                f.placement().reasons())));
            } else if (f.placement().outcome() == Placement.Outcome.EXPIRED) {
                events.add(new Outbox.Pending(
                        EngagementEvents.CONTACT_EXPIRED,
                        customerId,
                        new ContactExpired(
                                contactId,
                                customerId,
                                f.request().channel().name(),
                                f.request().purpose().name(),
                                f.dueAt(),
                                f.request().expiresAt(),
                                f.outcome(),
                                now)));
            }
        }
        return events;
    }
}
