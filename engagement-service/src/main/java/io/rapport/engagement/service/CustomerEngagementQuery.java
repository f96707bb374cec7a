package io.rapport.engagement.service;

import io.rapport.engagement.domain.Complaint;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read side of one customer's engagement: the gateway's summary, contacts, complaints and the adjustment log. */
@ApplicationScoped
public class CustomerEngagementQuery {
    /** Contacts shown as "next" in the summary. */
    public static final int NEXT_CONTACTS = 5;

    private final EntityManager em;
    private final Profiles profiles;

    public CustomerEngagementQuery(EntityManager em, Profiles profiles) {
        this.em = em;
        this.profiles = profiles;
    }

    public CustomerProfile profile(UUID customerId) {
        return profiles.require(customerId);
    }

    /** Open contacts, the earliest first (paused ones included: they show why they wait). */
    public List<Contact> nextContacts(UUID customerId, int limit) {
        return Contact.find(
                        "customerId = ?1 and state in ?2 order by dueAt, id",
                        customerId,
                        List.of(ContactState.PLANNED, ContactState.DUE))
                .page(0, limit)
                .list();
    }

    public List<Complaint> openComplaints(UUID customerId) {
        return Complaint.list("customerId = ?1 and state = ?2 order by dueAt, id", customerId, Complaint.OPEN);
    }

    public Page<Contact> contacts(UUID customerId, ContactState state, PageRequest page) {
        profiles.require(customerId);
        page.validate(java.util.Set.of("dueAt"), "dueAt,desc");
        var q = state == null
                ? Contact.find("customerId = ?1 order by dueAt desc, id", customerId)
                : Contact.find("customerId = ?1 and state = ?2 order by dueAt desc, id", customerId, state);
        return Page.of(q.page(page.page, page.size).list(), page, q.count());
    }

    public Page<Complaint> complaints(UUID customerId, PageRequest page) {
        profiles.require(customerId);
        page.validate(java.util.Set.of("openedAt"), "openedAt,desc");
        var q = Complaint.find("customerId = ?1 order by openedAt desc, id", customerId);
        return Page.of(q.page(page.page, page.size).list(), page, q.count());
    }

    /** One line of the explanation of what happened to a contact and why. */
    public record AdjustmentLine(
            UUID contactId,
            String purpose,
            String channel,
            String state,
            String rule,
            String reason,
            Instant requestedAt,
            Instant placedAt,
            String outcome,
            Instant recordedAt) {}

    /** Every rule that moved, paused, cancelled or expired one of the customer's contacts, newest first. */
    public List<AdjustmentLine> adjustments(UUID customerId, int limit) {
        profiles.require(customerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select a.contact_id, c.purpose, c.channel, c.state, a.rule, a.reason,"
                                + " a.requested_at, a.placed_at, a.outcome, a.recorded_at from contact_adjustment a join contact c on c.id = a.contact_id"
                                + " where a.customer_id = ?1 order by a.recorded_at desc, a.seq desc limit ?2")
                .setParameter(1, customerId)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new AdjustmentLine(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        ContactScheduler.instant(r[6]),
                        r[7] == null ? null : ContactScheduler.instant(r[7]),
                        (String) r[8],
                        ContactScheduler.instant(r[9])))
                .toList();
    }
}
