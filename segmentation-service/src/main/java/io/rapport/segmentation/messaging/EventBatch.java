package io.rapport.segmentation.messaging;

import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.contracts.engagement.ComplaintOpened;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.segmentation.classification.Reclassifier;
import io.rapport.segmentation.domain.ValueFact;
import io.rapport.segmentation.profile.ProfileService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The effects of a batch of events, applied inside one transaction in record order. Value facts (purchases, refunds,
 * costs, complaints) are collected and applied together, set-based; an event of another kind (registered, updated,
 * merged, erased) first applies the facts collected so far, so it sees them, and the facts after it see its effect
 * (a purchase of a record merged earlier in the batch goes to the survivor). {@link #finish()} applies the rest and
 * reclassifies every customer the batch touched once, against the latest runs: a class that changed and changed back
 * inside one batch publishes nothing. Payloads are read as the events arrive, so an unreadable one fails its record.
 * A profile snapshot older than the one already applied (replay, redrive) is skipped ({@link EventOrder}).
 * Use once per transaction.
 */
public final class EventBatch implements Consumer<IncomingEvent> {
    /** The profile snapshot (registered, updated): a stale one (older sequence than the last applied) is skipped. */
    static final String PROFILE = "customer-profile";

    private final ProfileService profiles;
    private final Reclassifier reclassifier;
    private final EventOrder order;
    private final Clock clock;
    private final List<ValueFact> facts = new ArrayList<>();
    private final Set<UUID> touched = new LinkedHashSet<>();

    EventBatch(ProfileService profiles, Reclassifier reclassifier, EventOrder order, Clock clock) {
        this.clock = clock;
        this.profiles = profiles;
        this.reclassifier = reclassifier;
        this.order = order;
    }

    @Override
    public void accept(IncomingEvent event) {
        String type = event.type();
        if (type.equals(CustomerEvents.PURCHASE_RECORDED.name())) {
            PurchaseRecorded p = event.payload(PurchaseRecorded.class);
            Set<String> categories = new TreeSet<>();
            Set<String> skus = new TreeSet<>();
            if (p.lines() != null) {
                p.lines().stream()
                        .map(PurchaseLine::category)
                        .filter(Objects::nonNull)
                        .forEach(categories::add);
                p.lines().stream()
                        .map(PurchaseLine::sku)
                        .filter(s -> s != null && !s.isBlank())
                        .forEach(skus::add);
            }
            facts.add(ValueFact.purchase(
                    p.purchaseId(),
                    UUID.fromString(p.customerId()),
                    at(p.occurredAt()),
                    money(p.total()),
                    money(p.costOfGoods()),
                    categories,
                    skus));
        } else if (type.equals(CustomerEvents.PURCHASE_REFUNDED.name())) {
            PurchaseRefunded r = event.payload(PurchaseRefunded.class);
            facts.add(ValueFact.refund(
                    r.refundId(),
                    UUID.fromString(r.customerId()),
                    at(r.occurredAt()),
                    money(r.amount()),
                    money(r.costOfGoods())));
        } else if (type.equals(CustomerEvents.COST_RECORDED.name())) {
            CostRecorded c = event.payload(CostRecorded.class);
            facts.add(
                    ValueFact.cost(c.costId(), UUID.fromString(c.customerId()), at(c.occurredAt()), money(c.amount())));
        } else if (type.equals(EngagementEvents.COMPLAINT_OPENED.name())) {
            ComplaintOpened c = event.payload(ComplaintOpened.class);
            facts.add(ValueFact.complaint(c.complaintId(), UUID.fromString(c.customerId()), at(c.openedAt())));
        } else if (type.equals(CustomerEvents.REGISTERED.name())) {
            CustomerRegistered r = event.payload(CustomerRegistered.class);
            applyFacts();
            if (order.isNewest(PROFILE, event)) {
                profiles.snapshot(r.customer()).ifPresent(touched::add);
            }
        } else if (type.equals(CustomerEvents.UPDATED.name())) {
            CustomerUpdated u = event.payload(CustomerUpdated.class);
            applyFacts();
            if (order.isNewest(PROFILE, event)) {
                profiles.snapshot(u.customer()).ifPresent(touched::add);
            }
        } else if (type.equals(CustomerEvents.MERGED.name())) {
            CustomerMerged m = event.payload(CustomerMerged.class);
            applyFacts();
            profiles.merged(m).ifPresent(touched::add);
        } else if (type.equals(CustomerEvents.ERASED.name())) {
            CustomerErased e = event.payload(CustomerErased.class);
            applyFacts();
            profiles.erased(UUID.fromString(e.customerId()));
        }
    }

    /** Applies what is still collected and reclassifies the touched customers; the batch is empty afterwards. */
    public void finish() {
        applyFacts();
        reclassifier.reclassify(touched);
        touched.clear();
    }

    private void applyFacts() {
        if (!facts.isEmpty()) {
            touched.addAll(profiles.apply(List.copyOf(facts)));
            facts.clear();
        }
    }

    /** When a fact happened: its event's time, or now (the service clock) when the event has none. */
    private Instant at(Instant occurredAt) {
        return occurredAt == null ? clock.instant() : occurredAt;
    }

    private static BigDecimal money(String amount) {
        return amount == null || amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.trim());
    }
}
