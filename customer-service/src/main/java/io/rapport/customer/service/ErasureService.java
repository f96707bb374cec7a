package io.rapport.customer.service;

import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * GDPR erasure: irreversibly removes the customer's personal data. Contact points, external ids, tags,
 * preferences, consents and their history are deleted; names, organisation, address, locale, zone, owner,
 * acquisition data, referral code, wallet and free-text notes are cleared; the row stays as an anonymous
 * ERASED stub so purchases, refunds and costs remain for statistics. Sent outbox rows about the customer
 * (their payloads carry personal data) are deleted too. Publishes CustomerStatusChanged and CustomerErased
 * so every other service removes its own copy.
 */
@ApplicationScoped
public class ErasureService {
    static final String ERASED_NAME = "(erased)";

    private final Outbox outbox;
    private final CustomerEventsPublisher events;
    private final EntityManager em;
    private final Customers customers;

    public ErasureService(Outbox outbox, CustomerEventsPublisher events, EntityManager em, Customers customers) {
        this.customers = customers;
        this.outbox = outbox;
        this.events = events;
        this.em = em;
    }

    @Transactional
    public void erase(UUID id) {
        Customer c = customers.locked(id);
        if (c == null) {
            throw ProblemException.notFound("customer", id);
        }
        if (c.status == CustomerStatus.ERASED) {
            throw ProblemException.conflict("customer-erased", "customer " + id + " was already erased", Map.of());
        }
        Instant now = Instant.now();
        for (String sql : new String[] {
                "delete from customer_contact_point where customer_id = ?1",
                "delete from customer_external_id where customer_id = ?1",
                "delete from customer_preference where customer_id = ?1",
                "delete from customer_consent where customer_id = ?1",
                "delete from customer_consent_history where customer_id = ?1",
                "update cost_entry set note = null where customer_id = ?1",
                "update refund set reason = null where customer_id = ?1",
                "update customer_merge set reason = null where survivor_id = ?1 or merged_id = ?1",
                "delete from idempotency_key where result_id = ?1",
                "delete from rapport_outbox where subject = cast(?1 as text) and sent_at is not null" }) {
            em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
        }
        CustomerStatus from = c.status;
        anonymise(c, now);
        events.statusChanged(c, from, "erasure requested", now);
        outbox.publish(CustomerEvents.ERASED, id, new CustomerErased(id.toString(), now));
    }

    private static void anonymise(Customer c, Instant now) {
        c.status = CustomerStatus.ERASED;
        c.displayName = ERASED_NAME;
        c.givenName = null;
        c.familyName = null;
        c.companyName = null;
        c.industry = null;
        c.companySize = null;
        c.addressLine1 = null;
        c.addressLine2 = null;
        c.postalCode = null;
        c.city = null;
        c.region = null;
        c.country = null;
        c.locale = null;
        c.timeZone = null;
        c.ownerId = null;
        c.acquisitionSource = null;
        c.referralCode = null;
        c.walletAmount = null;
        c.walletCurrency = null;
        c.walletEstimatedAt = null;
        c.walletEstimatedBy = null;
        c.target = false;
        c.doNotContact = true;
        c.channelPreference = null;
        c.mergeReason = null;
        c.mergedBy = null;
        c.tags.clear();
        c.erasedAt = now;
        c.touch(now);
    }
}
