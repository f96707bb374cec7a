package io.rapport.engagement.domain;

import io.rapport.engagement.domain.pressure.ContactPlanner;
import io.rapport.engagement.domain.pressure.ContactRequest;
import io.rapport.engagement.domain.pressure.PastContact;
import io.rapport.engagement.domain.pressure.Placement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plans the follow-up contacts of many purchases at once, in their order: one contact per active AFTER_PURCHASE plan of
 * the customer's level, requested {@code days} after the purchase and useless {@code validityDays} after that, on the
 * customer's preferred channel when consent allows ({@link ContactPlanner#channelFor}). Each is
 * placed by the {@link ContactPlanner} against the customer's timeline, which includes the contacts placed for the
 * customer's earlier purchases in the same call, so two purchases arriving together respect the caps as they would one
 * after the other. A source key (purchase and plan) already used, stored or earlier in the call, plans nothing: the
 * same purchase never schedules twice. Nor does a purchase whose contact would already have expired, or a purchase of
 * an erased or merged-away customer.
 */
public final class PurchaseFollowUps {
    private final ContactPlanner planner;
    private final Map<Level, List<ContactPlan>> plans;

    /** @param plans the active AFTER_PURCHASE plans of each level, in a stable order */
    public PurchaseFollowUps(ContactPlanner planner, Map<Level, List<ContactPlan>> plans) {
        this.planner = planner;
        this.plans = plans;
    }

    /** A contact a purchase asks for, before the rules place it. */
    public record Candidate(PurchaseFact purchase, ContactPlan plan, String sourceKey, ContactRequest request) {}

    /** The key that makes a purchase's contact for a plan unique. */
    public static String sourceKey(String purchaseId, UUID planId) {
        return "purchase:" + purchaseId + ":" + planId;
    }

    /** The contacts the purchases ask for (customers absent from {@code customers} ask for none). */
    public List<Candidate> candidates(
            List<PurchaseFact> purchases, Map<UUID, FollowUpCustomer> customers, Instant now) {
        List<Candidate> out = new ArrayList<>();
        for (PurchaseFact p : purchases) {
            FollowUpCustomer customer = customers.get(p.customerId());
            if (customer == null || !customer.reachable()) {
                continue;
            }
            for (ContactPlan plan : plans.getOrDefault(customer.level(), List.of())) {
                Instant requested = p.occurredAt().plus(Duration.ofDays(plan.days));
                Instant expires = requested.plus(Duration.ofDays(plan.validityDays));
                if (!expires.isBefore(now)) {
                    out.add(new Candidate(
                            p,
                            plan,
                            sourceKey(p.purchaseId(), plan.id),
                            new ContactRequest(
                                    planner.channelFor(plan.channel, customer.context()),
                                    plan.purpose,
                                    requested,
                                    expires)));
                }
            }
        }
        return out;
    }

    /**
     * Places the candidates in order.
     *
     * @param timelines per customer, the outbound contacts made or placed so far (missing = none); not modified
     * @param usedKeys source keys that already have a contact
     */
    public List<FollowUp> place(
            List<Candidate> candidates,
            Map<UUID, FollowUpCustomer> customers,
            Map<UUID, List<PastContact>> timelines,
            Set<String> usedKeys,
            Instant now) {
        Set<String> used = new HashSet<>(usedKeys);
        Map<UUID, List<PastContact>> placed = new HashMap<>();
        List<FollowUp> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!used.add(c.sourceKey())) {
                continue;
            }
            FollowUpCustomer customer = customers.get(c.purchase().customerId());
            List<PastContact> timeline = placed.computeIfAbsent(
                    customer.customerId(), id -> new ArrayList<>(timelines.getOrDefault(id, List.of())));
            Placement placement = planner.place(c.request(), customer.context(), timeline, now);
            FollowUp followUp = new FollowUp(
                    UUID.randomUUID(),
                    customer.customerId(),
                    c.plan().id,
                    c.plan().name,
                    c.sourceKey(),
                    c.request(),
                    assignee(c.plan(), customer),
                    customer.value(),
                    placement);
            if (followUp.counts()) {
                timeline.add(new PastContact(placement.at(), c.request().channel()));
            }
            out.add(followUp);
        }
        return out;
    }

    /** The plan's performer; the plan's queue when the owner performs but the customer has none, else the owner. */
    private static String assignee(ContactPlan plan, FollowUpCustomer customer) {
        String assignee = plan.assigneeFor(customer.ownerId());
        return assignee != null ? assignee : customer.ownerId() != null ? customer.ownerId() : plan.queue;
    }
}
