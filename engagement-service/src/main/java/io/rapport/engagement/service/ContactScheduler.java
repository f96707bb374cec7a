package io.rapport.engagement.service;

import io.rapport.contracts.engagement.ContactExpired;
import io.rapport.contracts.engagement.ContactScheduled;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Complaint;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.Purpose;
import io.rapport.engagement.domain.pressure.Adjustment;
import io.rapport.engagement.domain.pressure.ContactPlanner;
import io.rapport.engagement.domain.pressure.ContactPriority;
import io.rapport.engagement.domain.pressure.ContactRequest;
import io.rapport.engagement.domain.pressure.CustomerContext;
import io.rapport.engagement.domain.pressure.PastContact;
import io.rapport.engagement.domain.pressure.Placement;
import io.rapport.engagement.domain.pressure.Rule;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Creates contacts and (re)places them under the contact-pressure rules, recording every adjustment and
 * publishing ContactScheduled / ContactExpired through the outbox. Callers hold the transaction.
 */
@ApplicationScoped
public class ContactScheduler {
    /** How far back made and planned contacts are read for the caps: longer than any sensible cap window. */
    static final Duration LOOK_BACK = Duration.ofDays(120);

    private final EntityManager em;
    private final Outbox outbox;
    private final PressureSettingsService settings;
    private final Clock clock;

    public ContactScheduler(EntityManager em, Outbox outbox, PressureSettingsService settings, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates and places a contact; with a source key already used, returns the existing contact unchanged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact create(NewContact spec, CustomerProfile profile, String fallbackQueue) {
        if (spec.sourceKey() != null) {
            Contact existing = Contact.bySourceKey(spec.sourceKey());
            if (existing != null) {
                return existing;
            }
        }
        Instant now = clock.instant();
        Contact c = new Contact();
        c.id = UUID.randomUUID();
        c.customerId = profile.customerId;
        c.planId = spec.planId();
        c.campaignId = spec.campaignId();
        c.sourceKey = spec.sourceKey();
        c.channel = spec.channel();
        c.purpose = spec.purpose();
        c.requestedAt = spec.requestedAt();
        c.dueAt = spec.requestedAt();
        c.expiresAt = spec.expiresAt();
        c.assigneeId = spec.assigneeId() != null
                ? spec.assigneeId()
                : profile.ownerId != null ? profile.ownerId : fallbackQueue;
        c.customerValue = profile.valueScore;
        c.notes = spec.notes();
        c.createdBy = spec.createdBy();
        c.createdAt = now;
        c.state = ContactState.PLANNED;
        Placement placement =
                settings.planner().place(request(c), context(profile), timeline(profile.customerId, List.of()), now);
        c.persist();
        apply(c, placement, now, true);
        giveWay(c.id, c.purpose, placement, profile);
        return c;
    }

    /**
     * A service contact that the caps moved takes its slot back from the customer's planned marketing contacts (see
     * {@link ContactPriority}): the customer's planned contacts are placed again in priority order, and each marketing
     * contact that lost its slot (moved later, or expired) gets a PRIORITY line naming the contact that took it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveWay(UUID contactId, Purpose purpose, Placement placement, CustomerProfile profile) {
        if (!purpose.service() || placement.adjustments().stream().noneMatch(a -> a.rule() == Rule.FREQUENCY_CAP)) {
            return;
        }
        List<Contact> marketing = Contact.<Contact>list(
                        "customerId = ?1 and state = ?2 and pausedReason is null",
                        profile.customerId,
                        ContactState.PLANNED)
                .stream()
                .filter(c -> ContactPriority.mayDisplace(purpose, c.purpose))
                .toList();
        if (marketing.isEmpty()) {
            return;
        }
        Map<UUID, Instant> before = new HashMap<>();
        marketing.forEach(c -> before.put(c.id, c.dueAt));
        replan(profile);
        Instant now = clock.instant();
        for (Contact c : marketing) {
            boolean moved = c.state == ContactState.PLANNED && c.dueAt.isAfter(before.get(c.id));
            if (moved || c.state != ContactState.PLANNED) {
                note(
                        c,
                        Rule.PRIORITY.name(),
                        "gave its slot to the " + purpose + " " + contactId
                                + " (service contacts go before marketing when the caps are full)",
                        moved ? c.dueAt : null,
                        moved ? "MOVED" : c.state.name(),
                        now);
            }
        }
    }

    /** Places an existing open contact again from its requested time (after a reschedule). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact replace(Contact c, CustomerProfile profile) {
        Instant now = clock.instant();
        Placement placement = settings.planner()
                .place(request(c), context(profile), timeline(profile.customerId, List.of(c.id)), now);
        apply(c, placement, now, true);
        return c;
    }

    /**
     * Places every PLANNED contact of the customer again, in priority order ({@link ContactPriority}: the purpose's
     * rank, the more valuable customer, the earlier request), each against the contacts made, due, and already re-placed: used when consent, complaints or
     * the customer record (merge) changed. DUE contacts stay with their rep unless consent now blocks them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replan(CustomerProfile profile) {
        Instant now = clock.instant();
        List<Contact> open = Contact.list(
                "customerId = ?1 and state in ?2", profile.customerId, List.of(ContactState.PLANNED, ContactState.DUE));
        List<Contact> planned = new ArrayList<>(
                open.stream().filter(c -> c.state == ContactState.PLANNED).toList());
        planned.sort(Comparator.comparing(
                c -> new ContactPriority(c.purpose, c.customerValue, c.requestedAt, c.id.toString()),
                ContactPriority.ORDER));
        ContactPlanner planner = settings.planner();
        CustomerContext context = context(profile);
        for (Contact due :
                open.stream().filter(c -> c.state == ContactState.DUE).toList()) {
            if (context.doNotContact() || !planner.consents(context, due.channel)) {
                apply(due, planner.place(request(due), context, List.of(), now), now, false);
            }
        }
        List<UUID> pending = new ArrayList<>(planned.stream().map(c -> c.id).toList());
        for (Contact c : planned) {
            pending.remove(c.id);
            List<UUID> excluded = new ArrayList<>(pending);
            excluded.add(c.id);
            apply(c, planner.place(request(c), context, timeline(profile.customerId, excluded), now), now, false);
        }
    }

    /** The customer as the rules see it. */
    public CustomerContext context(CustomerProfile p) {
        return p.context(Complaint.openCount(p.customerId) > 0);
    }

    /** The channel a plan's contact uses for this customer (preferred and consented, else the plan's). */
    public Channel channelFor(Channel planned, CustomerProfile p) {
        return settings.planner().channelFor(planned, context(p));
    }

    private static ContactRequest request(Contact c) {
        return new ContactRequest(c.channel, c.purpose, c.requestedAt, c.expiresAt);
    }

    /**
     * The customer's outbound contacts that count against the caps ({@link ContactTimeline}, the one query), except
     * the contacts in {@code excluded}. Changes made through Hibernate in this transaction are flushed first.
     */
    public List<PastContact> timeline(UUID customerId, List<UUID> excluded) {
        Instant from = clock.instant().minus(LOOK_BACK);
        em.flush();
        return em.unwrap(Session.class)
                .doReturningWork(db -> ContactTimeline.read(db, List.of(customerId), from, excluded))
                .getOrDefault(customerId, List.of());
    }

    /** @param fresh a new placement (creation, reschedule): announced even when the slot did not change */
    private void apply(Contact c, Placement placement, Instant now, boolean fresh) {
        Instant before = c.dueAt;
        boolean wasPaused = c.pausedReason != null;
        ContactState state = placement.state();
        if (state == ContactState.PLANNED) {
            c.state = state;
            c.pausedReason = placement.pausedReason();
            if (placement.scheduled()) {
                c.dueAt = placement.at();
                c.expiresAt = placement.expiresAt(c.expiresAt);
            }
            if (placement.escalatedReason() != null) {
                c.escalatedReason = placement.escalatedReason();
            }
        } else {
            c.close(state, placement.closingReason(), now);
        }
        for (Adjustment a : placement.adjustments()) {
            note(
                    c,
                    a.rule().name(),
                    a.reason(),
                    placement.scheduled() ? placement.at() : null,
                    placement.outcome().name(),
                    now);
        }
        if (placement.scheduled() && (fresh || wasPaused || !placement.at().equals(before))) {
            outbox.publish(
                    EngagementEvents.CONTACT_SCHEDULED,
                    c.customerId,
                    new ContactScheduled(
                            c.id.toString(),
                            c.customerId.toString(),
                            c.channel.name(),
                            c.purpose.name(),
                            c.requestedAt,
                            c.dueAt,
                            c.expiresAt,
                            str(c.planId),
                            str(c.campaignId),
                            c.assigneeId,
                            placement.reasons()));
        } else if (placement.outcome() == Placement.Outcome.EXPIRED) {
            publishExpired(c, c.outcome, now);
        }
    }

    /** Appends one line to the contact's explanation log. */
    public void note(Contact c, String rule, String reason, Instant placedAt, String outcome, Instant now) {
        em.createNativeQuery("insert into contact_adjustment (id, contact_id, customer_id, rule, reason, requested_at,"
                        + " placed_at, outcome, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, c.id)
                .setParameter(3, c.customerId)
                .setParameter(4, rule)
                .setParameter(5, reason)
                .setParameter(6, c.requestedAt)
                .setParameter(7, placedAt)
                .setParameter(8, outcome)
                .setParameter(9, now)
                .executeUpdate();
    }

    /** Records a contact as expired and publishes it. */
    public void publishExpired(Contact c, String reason, Instant now) {
        outbox.publish(
                EngagementEvents.CONTACT_EXPIRED,
                c.customerId,
                new ContactExpired(
                        c.id.toString(),
                        c.customerId.toString(),
                        c.channel.name(),
                        c.purpose.name(),
                        c.dueAt,
                        c.expiresAt,
                        reason,
                        now));
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    /** A channel as stored; an interaction kind without a channel of its own (CALL) counts as PHONE. */
    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + o);
    }
}
