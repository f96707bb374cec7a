package io.rapport.engagement.messaging;

import io.rapport.contracts.Topics;
import io.rapport.contracts.customer.ConsentChanged;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.engagement.domain.PurchaseFact;
import io.rapport.engagement.service.CustomerProjectionService;
import io.rapport.engagement.service.Profiles;
import io.rapport.engagement.service.PurchaseScheduling;
import io.rapport.platform.inbox.DelegatingConsumer;
import io.rapport.platform.inbox.EventOrder;
import io.rapport.platform.inbox.EventRuns;
import io.rapport.platform.inbox.Handles;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.inbox.MalformedEventException;
import io.rapport.platform.inbox.PollEventOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Maps customer events to their effect inside the inbox transaction: the projection (registration, updates, consent,
 * merge, erasure) and, for purchases, the level's AFTER_PURCHASE plans. Other types (status, refunds, costs) are
 * recorded by the inbox and otherwise ignored.
 */
@ApplicationScoped
@Handles(Topics.CUSTOMER)
public class CustomerEventHandlers implements DelegatingConsumer.Handler {
    /**
     * The customer's projected profile (snapshots and consent changes: a snapshot carries the consents too); an event
     * older than the last applied one of the customer is skipped ({@link EventOrder}).
     */
    static final String PROFILE = "customer-profile";

    private final CustomerProjectionService projection;
    private final PurchaseScheduling purchases;
    private final EventOrder order;
    private final PollEventOrder pollOrder;
    private final Profiles profiles;

    public CustomerEventHandlers(
            CustomerProjectionService projection,
            PurchaseScheduling purchases,
            EventOrder order,
            PollEventOrder pollOrder,
            Profiles profiles) {
        this.projection = projection;
        this.purchases = purchases;
        this.order = order;
        this.pollOrder = pollOrder;
        this.profiles = profiles;
    }

    /**
     * A poll's new events, in record order, inside its inbox transaction. Consecutive purchases are scheduled together
     * (set-based) when an event of another type comes, so that event sees their contacts and they were planned on the
     * projection as it stood before it, and at the end. The reads every event would make on its own are made once for
     * the poll: which profile events are newer than what was applied ({@link PollEventOrder}, same rule as
     * {@link EventOrder}, in poll order) and the profiles they change ({@link Profiles#loadOrStub}). Registrations of
     * customers engagement has no row of, each the first event of the poll naming its customer
     * ({@link FirstRegistrations}), are written as the new rows in one statement
     * ({@link CustomerProjectionService#registerNew}) and not applied again: they have no contacts, complaints or plans
     * to follow. Every other registration is applied in its turn as before.
     */
    @Override
    public void applyAll(List<IncomingEvent> events) {
        Set<IncomingEvent> newest = pollOrder.newest(
                PROFILE, events.stream().filter(CustomerEventHandlers::ordered).toList());
        Set<UUID> customers = new LinkedHashSet<>();
        for (IncomingEvent e : events) {
            boolean changesProfile = ordered(e)
                    ? newest.contains(e)
                    : CustomerEvents.MERGED.name().equals(e.type())
                            || CustomerEvents.ERASED.name().equals(e.type());
            if (changesProfile) {
                customerId(e).ifPresent(customers::add);
            }
        }
        Payloads payloads = new Payloads();
        Map<UUID, IncomingEvent> first = FirstRegistrations.of(events, e -> names(e, newest, payloads));
        Set<UUID> created = first.isEmpty()
                ? Set.of()
                : projection.registerNew(first.values().stream()
                        .map(e -> payloads.of(e, CustomerRegistered.class).customer())
                        .toList());
        Set<IncomingEvent> applied = Collections.newSetFromMap(new IdentityHashMap<>());
        created.forEach(id -> applied.add(first.get(id)));
        profiles.loadOrStub(customers, created);
        EventRuns.split(
                events,
                e -> CustomerEvents.PURCHASE_RECORDED.name().equals(e.type()),
                run -> schedule(run.stream()
                        .map(e -> purchase(e, payloads).orElseThrow())
                        .toList()),
                e -> {
                    if (!applied.contains(e)) {
                        applyOther(e, newest::contains, payloads);
                    }
                });
    }

    /**
     * The customers an event's effect reads or changes: its subject and the ids its handler reads from the payload
     * ({@link FirstRegistrations.Names}); {@code null} when the payload does not read (the handler reports it when the
     * event's turn comes).
     */
    private static FirstRegistrations.Names names(IncomingEvent e, Set<IncomingEvent> newest, Payloads payloads) {
        Set<UUID> ids = new HashSet<>();
        customerId(e).ifPresent(ids::add);
        try {
            String type = e.type();
            if (CustomerEvents.REGISTERED.name().equals(type)) {
                UUID id = UUID.fromString(
                        payloads.of(e, CustomerRegistered.class).customer().customerId());
                ids.add(id);
                boolean registers =
                        newest.contains(e) && customerId(e).filter(id::equals).isPresent();
                return new FirstRegistrations.Names(ids, registers ? id : null);
            } else if (CustomerEvents.UPDATED.name().equals(type)) {
                ids.add(UUID.fromString(
                        payloads.of(e, CustomerUpdated.class).customer().customerId()));
            } else if (CustomerEvents.CONSENT_CHANGED.name().equals(type)) {
                ids.add(UUID.fromString(payloads.of(e, ConsentChanged.class).customerId()));
            } else if (CustomerEvents.MERGED.name().equals(type)) {
                CustomerMerged m = payloads.of(e, CustomerMerged.class);
                ids.add(UUID.fromString(m.survivorId()));
                ids.add(UUID.fromString(m.mergedId()));
            } else if (CustomerEvents.ERASED.name().equals(type)) {
                ids.add(UUID.fromString(payloads.of(e, CustomerErased.class).customerId()));
            } else if (CustomerEvents.PURCHASE_RECORDED.name().equals(type)) {
                ids.add(UUID.fromString(payloads.of(e, PurchaseRecorded.class).customerId()));
            }
            return new FirstRegistrations.Names(ids, null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * A poll's payloads, each read once: by {@link #names} and again, from here, when the event is applied. A payload
     * that does not read is read again at its turn and fails there, as it would without this.
     */
    private static final class Payloads {
        private final Map<IncomingEvent, Object> read = new IdentityHashMap<>();

        <T> T of(IncomingEvent e, Class<T> type) {
            Object known = read.get(e);
            if (type.isInstance(known)) {
                return type.cast(known);
            }
            T payload = e.payload(type);
            read.put(e, payload);
            return payload;
        }
    }

    /** Events applied only when newer than the customer's last applied one ({@link #PROFILE}). */
    private static boolean ordered(IncomingEvent e) {
        String type = e.type();
        return CustomerEvents.REGISTERED.name().equals(type)
                || CustomerEvents.UPDATED.name().equals(type)
                || CustomerEvents.CONSENT_CHANGED.name().equals(type);
    }

    private static Optional<UUID> customerId(IncomingEvent e) {
        try {
            return e.subject() == null ? Optional.empty() : Optional.of(UUID.fromString(e.subject()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty(); // the handler reads the id from the payload and says what is wrong
        }
    }

    /** One event on its own (the record-by-record path). */
    @Override
    public void apply(IncomingEvent e) {
        Payloads payloads = new Payloads();
        Optional<PurchaseFact> purchase = purchase(e, payloads);
        if (purchase.isPresent()) {
            schedule(List.of(purchase.get()));
        } else {
            applyOther(e, event -> order.isNewest(PROFILE, event), payloads);
        }
    }

    /** The purchase an event records, if it is a purchase; a payload that does not read is a malformed event. */
    private static Optional<PurchaseFact> purchase(IncomingEvent e, Payloads payloads) {
        if (!CustomerEvents.PURCHASE_RECORDED.name().equals(e.type())) {
            return Optional.empty();
        }
        PurchaseRecorded p = payloads.of(e, PurchaseRecorded.class);
        try {
            return Optional.of(new PurchaseFact(
                    Objects.requireNonNull(p.purchaseId()),
                    UUID.fromString(p.customerId()),
                    p.occurredAt() == null ? e.time() : p.occurredAt()));
        } catch (RuntimeException invalid) {
            // cannot succeed on retry: straight to the dead-letter topic
            throw new MalformedEventException(
                    "purchase event " + e.id() + " has no purchaseId or no customer id: " + invalid);
        }
    }

    private void schedule(List<PurchaseFact> facts) {
        if (!facts.isEmpty()) {
            purchases.schedule(List.copyOf(facts));
        }
    }

    private void applyOther(IncomingEvent e, Predicate<IncomingEvent> newest, Payloads payloads) {
        String type = e.type();
        if (CustomerEvents.REGISTERED.name().equals(type)) {
            CustomerRegistered r = payloads.of(e, CustomerRegistered.class);
            if (newest.test(e)) {
                projection.snapshot(r.customer());
            }
        } else if (CustomerEvents.UPDATED.name().equals(type)) {
            CustomerUpdated u = payloads.of(e, CustomerUpdated.class);
            if (newest.test(e)) {
                projection.snapshot(u.customer());
            }
        } else if (CustomerEvents.CONSENT_CHANGED.name().equals(type)) {
            ConsentChanged c = payloads.of(e, ConsentChanged.class);
            if (newest.test(e)) {
                projection.consentChanged(c);
            }
        } else if (CustomerEvents.MERGED.name().equals(type)) {
            projection.merged(payloads.of(e, CustomerMerged.class));
        } else if (CustomerEvents.ERASED.name().equals(type)) {
            projection.erased(
                    UUID.fromString(payloads.of(e, CustomerErased.class).customerId()));
        }
    }
}
