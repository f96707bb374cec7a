package io.rapport.customer.service;

import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerMerge;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.customer.model.CustomerView;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Merges a duplicate into a survivor, set-based. The survivor absorbs contact points (keeping its own
 * primaries), external ids, tags, preferences and consents (per key the most recent preference wins; per channel
 * {@link ConsentStore#absorb} decides),
 * consent history, purchases, refunds and costs; do-not-contact is kept if either record had it; the
 * wallet and channel preference are taken over only where the survivor has none; createdAt becomes the
 * earlier one. The merged record becomes MERGED, pointing to the survivor, with who, when and why.
 */
@ApplicationScoped
public class MergeService {
    private final Customers customers;
    private final CustomerProfiles profiles;
    private final CustomerEventsPublisher events;
    private final Outbox outbox;
    private final EntityManager em;
    private final Audit audit;
    private final ConsentStore consents;
    private final Clock clock;

    public MergeService(
            Customers customers,
            CustomerProfiles profiles,
            CustomerEventsPublisher events,
            Outbox outbox,
            EntityManager em,
            Audit audit,
            ConsentStore consents,
            Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.consents = consents;
        this.customers = customers;
        this.profiles = profiles;
        this.events = events;
        this.outbox = outbox;
        this.em = em;
    }

    @Transactional
    public CustomerView merge(UUID survivorId, UUID mergedId, String reason, String who) {
        if (survivorId.equals(mergedId)) {
            throw ProblemException.unprocessable("merge-into-itself", "mergedId", "must differ from the survivor");
        }
        // lock in id order so two crossing merges cannot deadlock
        boolean survivorFirst = survivorId.compareTo(mergedId) < 0;
        Customer first = customers.changeable(survivorFirst ? survivorId : mergedId);
        Customer second = customers.changeable(survivorFirst ? mergedId : survivorId);
        Customer survivor = survivorFirst ? first : second;
        Customer merged = survivorFirst ? second : first;
        CustomerView before = profiles.view(survivor);
        Instant now = clock.instant();

        moveChildren(survivorId, mergedId);
        em.flush();
        em.refresh(survivor);
        absorbFields(survivor, merged);
        survivor.touch(now);

        CustomerStatus from = merged.status;
        merged.status = CustomerStatus.MERGED;
        merged.mergedInto = survivorId;
        merged.mergedAt = now;
        merged.mergedBy = who;
        merged.mergeReason = reason.trim();
        merged.touch(now);

        CustomerMerge record = new CustomerMerge();
        record.id = UUID.randomUUID();
        record.survivorId = survivorId;
        record.mergedId = mergedId;
        record.reason = reason.trim();
        record.mergedBy = who;
        record.mergedAt = now;
        record.persist();

        outbox.publish(
                CustomerEvents.MERGED,
                mergedId,
                new CustomerMerged(survivorId.toString(), mergedId.toString(), who, now));
        events.statusChanged(merged, from, "merged into " + survivorId, now);
        java.util.Map<String, Object> details = java.util.Map.of(
                "survivorId",
                survivorId.toString(),
                "mergedId",
                mergedId.toString(),
                "reason",
                reason.trim(),
                "mergedBy",
                who);
        audit.event("merge", record.id, mergedId, "MERGE", details);
        audit.event("merge", record.id, survivorId, "MERGE", details);
        return events.updated(survivor, before, "merge");
    }

    private void moveChildren(UUID s, UUID m) {
        exec(
                "update customer_contact_point p set customer_id = ?1, is_primary = p.is_primary and not exists"
                        + " (select 1 from customer_contact_point q where q.customer_id = ?1 and q.kind = p.kind and q.is_primary)"
                        + " where p.customer_id = ?2",
                s,
                m);
        exec("update customer_external_id set customer_id = ?1 where customer_id = ?2", s, m);
        exec(
                "insert into customer_tag (customer_id, tag) select ?1, tag from customer_tag where customer_id = ?2"
                        + " on conflict do nothing",
                s,
                m);
        em.createNativeQuery("delete from customer_tag where customer_id = ?1")
                .setParameter(1, m)
                .executeUpdate();
        exec(
                "delete from customer_preference s using customer_preference m where s.customer_id = ?1 and m.customer_id = ?2"
                        + " and s.category = m.category and s.pref_key = m.pref_key and s.set_at < m.set_at",
                s,
                m);
        exec(
                "delete from customer_preference m using customer_preference s where m.customer_id = ?2 and s.customer_id = ?1"
                        + " and s.category = m.category and s.pref_key = m.pref_key",
                s,
                m);
        exec("update customer_preference set customer_id = ?1 where customer_id = ?2", s, m);
        exec("update customer_preference_history set customer_id = ?1 where customer_id = ?2", s, m);
        consents.absorb(s, m);
        exec("update customer_consent_history set customer_id = ?1 where customer_id = ?2", s, m);
        exec("update purchase set customer_id = ?1 where customer_id = ?2", s, m);
        exec("update refund set customer_id = ?1 where customer_id = ?2", s, m);
        exec("update cost_entry set customer_id = ?1 where customer_id = ?2", s, m);
    }

    private static void absorbFields(Customer survivor, Customer merged) {
        survivor.doNotContact |= merged.doNotContact;
        if (survivor.walletAmount == null && merged.walletAmount != null) {
            survivor.walletAmount = merged.walletAmount;
            survivor.walletCurrency = merged.walletCurrency;
            survivor.walletEstimatedAt = merged.walletEstimatedAt;
            survivor.walletEstimatedBy = merged.walletEstimatedBy;
        }
        if (survivor.channelPreference == null) {
            survivor.channelPreference = merged.channelPreference;
        }
        if (merged.createdAt.isBefore(survivor.createdAt)) {
            survivor.createdAt = merged.createdAt;
        }
        survivor.lastActivityAt = latest(survivor.lastActivityAt, merged.lastActivityAt);
        survivor.lastVerifiedAt = latest(survivor.lastVerifiedAt, merged.lastVerifiedAt);
        survivor.target |= merged.target;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private void exec(String sql, UUID survivor, UUID merged) {
        em.createNativeQuery(sql)
                .setParameter(1, survivor)
                .setParameter(2, merged)
                .executeUpdate();
    }
}
