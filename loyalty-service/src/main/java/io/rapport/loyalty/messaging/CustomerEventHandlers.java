package io.rapport.loyalty.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.loyalty.earning.EarningPipeline;
import io.rapport.loyalty.profile.ProfileDecision;
import io.rapport.loyalty.profile.ProfilePipeline;
import io.rapport.loyalty.service.CustomerLifecycle;
import io.rapport.loyalty.service.PurchaseRefunds;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.Handles;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.inbox.PollEventOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Maps customer events to their effect; runs inside the inbox transaction. Other types are ignored. A profile snapshot
 * older than the last one applied for the customer (a replay or a redrive) keeps the stored contact data
 * ({@link EventOrder}'s rule).
 */
@ApplicationScoped
@Handles(Topics.CUSTOMER)
public class CustomerEventHandlers implements DelegatingConsumer.Handler {
    static final String PROFILE = "customer-profile";

    private final EarningPipeline earning;
    private final PurchaseRefunds refunds;
    private final CustomerLifecycle lifecycle;
    private final PollEventOrder pollOrder;
    private final ProfilePipeline profiles;

    public CustomerEventHandlers(
            EarningPipeline earning,
            PurchaseRefunds refunds,
            CustomerLifecycle lifecycle,
            PollEventOrder pollOrder,
            ProfilePipeline profiles) {
        this.earning = earning;
        this.refunds = refunds;
        this.lifecycle = lifecycle;
        this.pollOrder = pollOrder;
        this.profiles = profiles;
    }

    /**
     * A poll's new events, in record order, inside its inbox transaction. Which profile snapshots are newer than what was
     * applied is asked once for the poll ({@link PollEventOrder}, the rule of {@link EventOrder}); then consecutive
     * purchases are booked as one run ({@link EarningPipeline}), consecutive registrations and updates as one run
     * ({@link ProfilePipeline}), and every other event (refunds, merges, erasures, a registration with a referral code)
     * at its place, so a customer's events keep their order.
     */
    @Override
    public void applyAll(List<IncomingEvent> events) {
        Map<IncomingEvent, CustomerSnapshot> snapshots = new IdentityHashMap<>();
        for (IncomingEvent e : events) {
            if (CustomerEvents.REGISTERED.name().equals(e.type())) {
                snapshots.put(e, e.payload(CustomerRegistered.class).customer());
            } else if (CustomerEvents.UPDATED.name().equals(e.type())) {
                snapshots.put(e, e.payload(CustomerUpdated.class).customer());
            }
        }
        Set<IncomingEvent> newest = pollOrder.newest(
                PROFILE, events.stream().filter(snapshots::containsKey).toList());
        List<IncomingEvent> run = new ArrayList<>();
        Kind running = null;
        for (IncomingEvent e : events) {
            Kind kind = kind(e, snapshots.get(e));
            if (kind != running) {
                flush(running, run, snapshots, newest);
                running = kind;
            }
            if (kind == Kind.SINGLE) {
                single(e, snapshots.get(e), newest.contains(e));
            } else {
                run.add(e);
            }
        }
        flush(running, run, snapshots, newest);
    }

    /** One event on its own (the record-by-record path, a redrive): a poll of one. */
    @Override
    public void apply(IncomingEvent event) {
        applyAll(List.of(event));
    }

    private enum Kind {
        PURCHASES,
        PROFILES,
        SINGLE
    }

    /** How an event is applied; {@code snapshot}: the profile a registration or update carries (null otherwise). */
    private static Kind kind(IncomingEvent e, CustomerSnapshot snapshot) {
        if (CustomerEvents.PURCHASE_RECORDED.name().equals(e.type())) {
            return Kind.PURCHASES;
        }
        if (snapshot == null) {
            return Kind.SINGLE;
        }
        boolean referral = CustomerEvents.REGISTERED.name().equals(e.type())
                && snapshot.referralCode() != null
                && !snapshot.referralCode().isBlank();
        return referral ? Kind.SINGLE : Kind.PROFILES;
    }

    private void flush(
            Kind kind,
            List<IncomingEvent> run,
            Map<IncomingEvent, CustomerSnapshot> snapshots,
            Set<IncomingEvent> newest) {
        if (run.isEmpty()) {
            return;
        }
        if (kind == Kind.PURCHASES) {
            earning.recorded(
                    run.stream().map(e -> e.payload(PurchaseRecorded.class)).toList());
        } else {
            List<ProfileDecision.Change> changes = new ArrayList<>();
            for (IncomingEvent e : run) {
                boolean current = newest.contains(e);
                // a stale registration still counts for the registration time; a stale update changes nothing
                if (current || CustomerEvents.REGISTERED.name().equals(e.type())) {
                    changes.add(change(snapshots.get(e), current));
                }
            }
            profiles.apply(changes);
        }
        run.clear();
    }

    private static ProfileDecision.Change change(CustomerSnapshot c, boolean current) {
        return new ProfileDecision.Change(
                UUID.fromString(c.customerId()), c.createdAt(), current, c.contactDigests(), null);
    }

    /** An event applied on its own; {@code snapshot}: a registration's profile (it has a referral code). */
    private void single(IncomingEvent event, CustomerSnapshot snapshot, boolean newest) {
        String type = event.type();
        if (CustomerEvents.PURCHASE_REFUNDED.name().equals(type)) {
            refunds.refunded(event.payload(PurchaseRefunded.class));
        } else if (CustomerEvents.REGISTERED.name().equals(type)) {
            lifecycle.snapshot(snapshot, true, newest);
        } else if (CustomerEvents.MERGED.name().equals(type)) {
            CustomerMerged m = event.payload(CustomerMerged.class);
            lifecycle.merged(UUID.fromString(m.survivorId()), UUID.fromString(m.mergedId()));
        } else if (CustomerEvents.ERASED.name().equals(type)) {
            lifecycle.erased(UUID.fromString(event.payload(CustomerErased.class).customerId()));
        }
    }
}
