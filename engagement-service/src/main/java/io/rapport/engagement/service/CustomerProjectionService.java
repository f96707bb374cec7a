package io.rapport.engagement.service;

import io.rapport.contracts.customer.ConsentChanged;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.RecurringContacts;
import io.rapport.engagement.domain.TriggerType;
import io.rapport.engagement.domain.pressure.ContactPlanner;
import io.rapport.engagement.domain.pressure.CustomerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the customer projection current from customer.events and applies what follows from it: withdrawn consent
 * moves pending contacts to another consented channel of the customer's preference or cancels them; a new owner
 * takes over the open contacts of the previous one; merges move everything to the survivor; erasure removes
 * personal text and cancels what is pending. The projection keeps no name or contact point: customer events carry
 * none (contracts/asyncapi.yaml); whoever needs them reads customer-service.
 */
@ApplicationScoped
public class CustomerProjectionService {
    private final EntityManager em;
    private final Profiles profiles;
    private final ContactScheduler scheduler;
    private final PressureSettingsService settings;
    private final Clock clock;

    public CustomerProjectionService(
            EntityManager em,
            Profiles profiles,
            ContactScheduler scheduler,
            PressureSettingsService settings,
            Clock clock) {
        this.em = em;
        this.profiles = profiles;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void snapshot(CustomerSnapshot s) {
        CustomerProfile p = profiles.getOrStub(UUID.fromString(s.customerId()));
        if (p.erased) {
            return;
        }
        Map<String, Boolean> consentsBefore = p.consents();
        boolean dncBefore = p.doNotContact;
        String ownerBefore = p.ownerId;
        copy(s, p, clock.instant());
        if (!Objects.equals(ownerBefore, p.ownerId) && ownerBefore != null) {
            em.createNativeQuery("update contact set assignee_id = ?1, version = version + 1 where customer_id = ?2"
                            + " and state in ('PLANNED', 'DUE') and assignee_id = ?3")
                    .setParameter(1, p.ownerId)
                    .setParameter(2, p.customerId)
                    .setParameter(3, ownerBefore)
                    .executeUpdate();
            em.createNativeQuery("update complaint set assignee_id = ?1, version = version + 1 where customer_id = ?2"
                            + " and state = 'OPEN' and assignee_id = ?3")
                    .setParameter(1, p.ownerId)
                    .setParameter(2, p.customerId)
                    .setParameter(3, ownerBefore)
                    .executeUpdate();
        }
        if (dncBefore != p.doNotContact || !consentsBefore.equals(p.consents())) {
            followConsent(p);
        }
    }

    /**
     * The profile rows of customers registered in a poll, written as {@link #snapshot} would leave a stub it applies
     * the registration to, for the customers engagement has no row of yet (one statement; the others are left alone).
     * A registration so written has nothing to follow: no contacts, complaints or plans can exist without the row
     * (io.rapport.engagement.messaging.FirstRegistrations says which registrations qualify).
     *
     * @return the customers whose row this call created; the caller applies the others' registrations with
     *     {@link #snapshot}
     */
    @Transactional
    public Set<UUID> registerNew(Collection<CustomerSnapshot> registrations) {
        Instant now = clock.instant();
        List<CustomerProfile> rows = registrations.stream()
                .map(s -> {
                    CustomerProfile p = new CustomerProfile(); // a stub's defaults, as the table's
                    p.customerId = UUID.fromString(s.customerId());
                    copy(s, p, now);
                    p.version = 1; // the stub's insert and the snapshot's update
                    return p;
                })
                .toList();
        return profiles.insertNew(rows);
    }

    /** What a customer snapshot (registration, update) sets on the profile. */
    private static void copy(CustomerSnapshot s, CustomerProfile p, Instant now) {
        p.timeZone = validZone(s.timeZone(), p.timeZone);
        p.ownerId = s.ownerId();
        p.consents(s.consents());
        p.doNotContact = s.doNotContact();
        p.channelPreference = s.channelPreference() == null ? null : String.join(",", s.channelPreference());
        p.status = s.status() == null ? p.status : s.status();
        p.updatedAt = now;
    }

    @Transactional
    public void consentChanged(ConsentChanged e) {
        CustomerProfile p = profiles.getOrStub(UUID.fromString(e.customerId()));
        if (p.erased) {
            return;
        }
        if (e.consents() != null) {
            p.consents(e.consents());
        } else if (e.channel() != null && e.granted() != null) {
            Map<String, Boolean> c = new java.util.HashMap<>(p.consents());
            c.put(e.channel(), e.granted());
            p.consents(c);
        }
        p.doNotContact = e.doNotContact();
        p.updatedAt = clock.instant();
        followConsent(p);
    }

    /**
     * Open contacts on a channel that lost consent move to the customer's preferred channel that consent allows (the
     * one rule of {@link io.rapport.engagement.domain.pressure.PreferredChannel}, implicit consent included); without
     * one they stay on their channel and re-planning blocks them with the reason.
     */
    private void followConsent(CustomerProfile p) {
        ContactPlanner planner = settings.planner();
        CustomerContext context = scheduler.context(p);
        Instant now = clock.instant();
        if (!context.doNotContact()) {
            List<Contact> open = Contact.list(
                    "customerId = ?1 and state in ?2", p.customerId, List.of(ContactState.PLANNED, ContactState.DUE));
            for (Contact c : open) {
                if (planner.consents(context, c.channel)) {
                    continue;
                }
                Channel alternative = planner.channelFor(c.channel, context);
                if (alternative != c.channel) {
                    scheduler.note(
                            c,
                            "CONSENT",
                            c.channel + " consent withdrawn; moved to " + alternative,
                            null,
                            "MOVED",
                            now);
                    c.channel = alternative;
                    c.state = ContactState.PLANNED;
                }
            }
        }
        scheduler.replan(p);
    }

    /**
     * Moves every row of the merged customer to the survivor, then places the survivor's contacts again. Both profiles
     * are locked first ({@link Profiles#lock}): the survivor's erasure travels on another partition than the merge and
     * may be applied before it or at the same time; when the survivor is already erased, what the merge brings is
     * scrubbed as the erasure scrubbed the rest.
     */
    @Transactional
    public void merged(CustomerMerged m) {
        UUID survivorId = UUID.fromString(m.survivorId());
        UUID mergedId = UUID.fromString(m.mergedId());
        profiles.lock(survivorId, mergedId);
        CustomerProfile survivor = profiles.getOrStub(survivorId);
        CustomerProfile merged = profiles.getOrStub(mergedId);
        for (String table : List.of("contact", "complaint", "interaction", "level_change", "contact_adjustment")) {
            em.createNativeQuery("update " + table + " set customer_id = ?1 where customer_id = ?2")
                    .setParameter(1, survivorId)
                    .setParameter(2, mergedId)
                    .executeUpdate();
        }
        em.createNativeQuery(
                        "delete from campaign_target t where customer_id = ?2 and exists (select 1 from campaign_target s"
                                + " where s.campaign_id = t.campaign_id and s.customer_id = ?1)")
                .setParameter(1, survivorId)
                .setParameter(2, mergedId)
                .executeUpdate();
        em.createNativeQuery("update campaign_target set customer_id = ?1 where customer_id = ?2")
                .setParameter(1, survivorId)
                .setParameter(2, mergedId)
                .executeUpdate();
        em.createNativeQuery(
                        "delete from customer_class where customer_id = ?2 and scheme in (select scheme from customer_class"
                                + " where customer_id = ?1)")
                .setParameter(1, survivorId)
                .setParameter(2, mergedId)
                .executeUpdate();
        em.createNativeQuery("update customer_class set customer_id = ?1 where customer_id = ?2")
                .setParameter(1, survivorId)
                .setParameter(2, mergedId)
                .executeUpdate();
        if (merged.valueScore.compareTo(survivor.valueScore) > 0) {
            survivor.valueScore = merged.valueScore;
        }
        survivor.topCustomer |= merged.topCustomer;
        if (survivor.ownerId == null) {
            survivor.ownerId = merged.ownerId;
        }
        merged.mergedInto = survivorId;
        merged.status = "MERGED";
        merged.updatedAt = clock.instant();
        em.flush();
        em.createNativeQuery(
                        "update contact set customer_value = ?1 where customer_id = ?2 and state in ('PLANNED', 'DUE')")
                .setParameter(1, survivor.valueScore)
                .setParameter(2, survivorId)
                .executeUpdate();
        dedupeRecurring(survivorId, clock.instant());
        if (survivor.erased) {
            scrub(survivorId, clock.instant());
        }
        em.clear();
        scheduler.replan(CustomerProfile.findById(survivorId));
    }

    /**
     * After a merge both records' cycles (e.g. two 90-day check-ins) land on the survivor: the open contacts that
     * {@link RecurringContacts#surplus} names are cancelled with the reason, the one it keeps stays.
     */
    private void dedupeRecurring(UUID customerId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.id, c.plan_id, p.trigger_type, c.due_at from contact c"
                        + " join contact_plan p on p.id = c.plan_id where c.customer_id = ?1"
                        + " and c.state in ('PLANNED', 'DUE')")
                .setParameter(1, customerId)
                .getResultList();
        List<RecurringContacts.Open> open = rows.stream()
                .map(r -> new RecurringContacts.Open(
                        (UUID) r[0], (UUID) r[1], TriggerType.valueOf((String) r[2]), ContactScheduler.instant(r[3])))
                .toList();
        RecurringContacts.surplus(open)
                .forEach((cancelled, kept) -> em.createNativeQuery(
                                "update contact set state = 'CANCELLED', closed_at = ?2, paused_reason = null,"
                                        + " version = version + 1, outcome = ?3 where id = ?1")
                        .setParameter(1, cancelled)
                        .setParameter(2, now)
                        .setParameter(3, "MERGED: duplicate of the open contact " + kept + " of the same plan")
                        .executeUpdate());
    }

    /** Removes the customer's personal data (names, notes, free text) and cancels every pending contact. */
    @Transactional
    public void erased(UUID customerId) {
        CustomerProfile p = profiles.lock(customerId).get(0);
        p.erased = true;
        p.channelPreference = null;
        p.consents(Map.of());
        p.doNotContact = true;
        p.status = "ERASED";
        p.updatedAt = clock.instant();
        em.flush();
        scrub(customerId, clock.instant());
    }

    /** Clears the free text of every row of the customer and cancels its pending contacts (the erasure's rows part). */
    private void scrub(UUID customerId, Instant now) {
        em.createNativeQuery(
                        "update contact set notes = null, state = case when state in ('PLANNED', 'DUE') then 'CANCELLED'"
                                + " else state end, outcome = case when state in ('PLANNED', 'DUE') then 'ERASED' else outcome end,"
                                + " closed_at = coalesce(closed_at, ?2), paused_reason = null, version = version + 1 where customer_id = ?1")
                .setParameter(1, customerId)
                .setParameter(2, now)
                .executeUpdate();
        em.createNativeQuery("update interaction set notes = null, outcome = null where customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate();
        em.createNativeQuery(
                        "update complaint set description = null, resolution = null, version = version + 1 where customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate();
        em.createNativeQuery("update level_change set reason = null where customer_id = ?1")
                .setParameter(1, customerId)
                .executeUpdate();
    }

    private static String validZone(String zone, String fallback) {
        if (zone == null || zone.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
