package io.rapport.segmentation.messaging;

import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.contracts.engagement.ComplaintOpened;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.inbox.PollEventOrder;
import io.rapport.segmentation.classification.Reclassifier;
import io.rapport.segmentation.domain.ValueFact;
import io.rapport.segmentation.profile.ProfileService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The effects of a batch of events, applied inside one transaction, set-based: a constant number of statements per
 * poll, whatever the number of events. Value facts (purchases, refunds, costs, complaints), profile snapshots
 * (registered, updated) and erasures are collected and applied together, because they commute: facts only add to the
 * figures, a snapshot only sets kind, wallet and target of a live customer (an erasure wipes them whether the snapshot
 * came before or after it; a snapshot of an erased customer is not applied) and both move the registration date back
 * only. Of one customer's snapshots in the poll the newest wins (highest sequence, else the last in record order). A
 * merge does not commute with them: it first applies what was collected so far, so it sees it, and the events after it
 * see its effect (a purchase of a record merged earlier in the batch goes to the survivor). A run of consecutive merges
 * is applied together, set-based, with the result of applying them one by one ({@link ProfileService#merged(List)}).
 * {@link #finish()} applies the rest
 * and reclassifies every customer the batch touched once, against the latest runs: a class that changed and changed
 * back inside one batch publishes nothing. Payloads are read as the events arrive, so an unreadable one fails its
 * record. A profile snapshot older than the one already applied (replay, redrive) is skipped ({@link PollEventOrder},
 * platform, a few statements for the poll). Use once per transaction.
 */
public final class EventBatch implements Consumer<IncomingEvent> {
    /** The profile snapshot (registered, updated): a stale one (older sequence than the last applied) is skipped. */
    static final String PROFILE = "customer-profile";

    private final ProfileService profiles;
    private final Reclassifier reclassifier;
    private final PollEventOrder order;
    private final Clock clock;
    private final List<ValueFact> facts = new ArrayList<>();
    private final List<IncomingEvent> snapshotEvents = new ArrayList<>();
    private final Map<IncomingEvent, CustomerSnapshot> snapshots = new IdentityHashMap<>();
    private final Set<UUID> erasures = new LinkedHashSet<>();
    private final List<CustomerMerged> merges = new ArrayList<>();
    private final Set<UUID> touched = new LinkedHashSet<>();

    EventBatch(ProfileService profiles, Reclassifier reclassifier, PollEventOrder order, Clock clock) {
        this.clock = clock;
        this.profiles = profiles;
        this.reclassifier = reclassifier;
        this.order = order;
    }

    @Override
    public void accept(IncomingEvent event) {
        String type = event.type();
        if (type.equals(CustomerEvents.MERGED.name())) {
            CustomerMerged m = event.payload(CustomerMerged.class);
            UUID.fromString(m.mergedId()); // an unreadable id fails its record, not the poll's statements
            UUID.fromString(m.survivorId());
            applyCollected(); // what came before the merge, so that it sees it
            merges.add(m);
            return;
        }
        applyMerges(); // the merges before this event, so that it sees their effect
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
            snapshot(event, event.payload(CustomerRegistered.class).customer());
        } else if (type.equals(CustomerEvents.UPDATED.name())) {
            snapshot(event, event.payload(CustomerUpdated.class).customer());
        } else if (type.equals(CustomerEvents.ERASED.name())) {
            erasures.add(UUID.fromString(event.payload(CustomerErased.class).customerId()));
        }
    }

    /** Applies what is still collected and reclassifies the touched customers; the batch is empty afterwards. */
    public void finish() {
        applyMerges();
        applyCollected();
        reclassifier.reclassify(touched);
        touched.clear();
    }

    private void snapshot(IncomingEvent event, CustomerSnapshot customer) {
        UUID.fromString(customer.customerId()); // an unreadable id fails its record, not the poll's statement
        snapshotEvents.add(event);
        snapshots.put(event, customer);
    }

    /** Facts, then the newest snapshots, then the erasures: a few statements each, whatever their number. */
    private void applyCollected() {
        if (!facts.isEmpty()) {
            touched.addAll(profiles.apply(List.copyOf(facts)));
            facts.clear();
        }
        if (!snapshotEvents.isEmpty()) {
            Set<IncomingEvent> fresh = order.newest(PROFILE, snapshotEvents);
            List<CustomerSnapshot> newest = snapshotEvents.stream()
                    .filter(fresh::contains)
                    .map(snapshots::get)
                    .toList();
            touched.addAll(profiles.snapshots(newest));
            snapshotEvents.clear();
            snapshots.clear();
        }
        if (!erasures.isEmpty()) {
            profiles.erased(erasures);
            erasures.clear();
        }
    }

    /** The run of consecutive merges collected so far, set-based (a few statements, whatever their number). */
    private void applyMerges() {
        if (!merges.isEmpty()) {
            touched.addAll(profiles.merged(List.copyOf(merges)));
            merges.clear();
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
