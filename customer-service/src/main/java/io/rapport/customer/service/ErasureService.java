package io.rapport.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GDPR erasure: irreversibly removes the personal data of a customer AND of every record merged into it (its merged
 * duplicates, transitively). Contact points, external ids, tags, preferences (with their change history), consents and their history are deleted;
 * names, organisation, address, birth date, locale, zone, owner, acquisition data, referral code, wallet and free-text notes and
 * reasons are cleared; each row stays as an anonymous ERASED stub so purchases, refunds and costs remain for
 * statistics. In the outbox, sent rows about these customers are deleted and unsent ones lose every personal property
 * an older release may have written (events written now carry none), so nothing personal is published after the
 * erasure. The audit trail of these customers is redacted, then the erasure itself is recorded with its actor and
 * reason. Publishes CustomerStatusChanged and CustomerErased for the customer and each duplicate, so every other
 * service removes its own copy.
 */
@ApplicationScoped
public class ErasureService {
    static final String ERASED_NAME = "(erased)";
    /** Payload properties that older releases wrote into customer events and that carry personal data. */
    static final List<String> LEGACY_PERSONAL = concat(
            CustomerSnapshot.RETIRED_PERSONAL_FIELDS,
            List.of("reason", "note", "source", "givenName", "familyName", "address"));

    private final Outbox outbox;
    private final CustomerEventsPublisher events;
    private final EntityManager em;
    private final Customers customers;
    private final Audit audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ErasureService(
            Outbox outbox,
            CustomerEventsPublisher events,
            EntityManager em,
            Customers customers,
            Audit audit,
            ObjectMapper json,
            Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.outbox = outbox;
        this.events = events;
        this.em = em;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Erases the customer and its merged duplicates.
     *
     * @param reason why (a request reference, a legal ground): recorded in the audit trail; must not name the person
     */
    @Transactional
    public void erase(UUID id, String reason) {
        Customer c = customers.locked(id);
        if (c == null) {
            throw ProblemException.notFound("customer", id);
        }
        if (c.status == CustomerStatus.ERASED) {
            throw ProblemException.conflict("customer-erased", "customer " + id + " was already erased", Map.of());
        }
        if (c.status == CustomerStatus.MERGED) {
            throw ProblemException.conflict(
                    "customer-merged",
                    "customer " + id + " was merged into " + c.mergedInto
                            + "; erase the survivor, which erases its merged duplicates too",
                    Map.of("survivorId", c.mergedInto.toString()));
        }
        List<UUID> duplicates = duplicatesOf(id);
        List<UUID> all = new ArrayList<>();
        all.add(id);
        all.addAll(duplicates);
        Instant now = clock.instant();
        for (String sql : new String[] {
            "delete from customer_contact_point where customer_id in (?1)",
            "delete from customer_external_id where customer_id in (?1)",
            "delete from customer_preference where customer_id in (?1)",
            "delete from customer_preference_history where customer_id in (?1)",
            "delete from customer_consent where customer_id in (?1)",
            "delete from customer_consent_history where customer_id in (?1)",
            "update cost_entry set note = null where customer_id in (?1)",
            "update refund set reason = null where customer_id in (?1)",
            "update customer_merge set reason = null where survivor_id in (?1) or merged_id in (?1)",
            "delete from idempotency_key where result_id in (?1)"
        }) {
            em.createNativeQuery(sql).setParameter(1, all).executeUpdate();
        }
        List<String> subjects = all.stream().map(UUID::toString).toList();
        em.createNativeQuery("delete from rapport_outbox where subject in (?1) and sent_at is not null")
                .setParameter(1, subjects)
                .executeUpdate();
        scrubUnsent(subjects);
        audit.redactCustomers(all);

        for (UUID duplicate : duplicates) {
            Customer d = Customer.findById(duplicate);
            anonymise(d, now);
            outbox.publish(CustomerEvents.ERASED, duplicate, new CustomerErased(duplicate.toString(), now));
        }
        CustomerStatus from = c.status;
        anonymise(c, now);
        events.statusChanged(c, from, "erasure requested", now);
        outbox.publish(CustomerEvents.ERASED, id, new CustomerErased(id.toString(), now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason == null || reason.isBlank() ? null : reason.trim());
        details.put("duplicatesErased", subjects.subList(1, subjects.size()));
        audit.event("erasure", id, id, "ERASE", details);
    }

    /** The records merged into {@code id}, and those merged into them, locked. */
    @SuppressWarnings("unchecked")
    private List<UUID> duplicatesOf(UUID id) {
        List<Object> rows = em.createNativeQuery(
                        "with recursive d(id) as (select id from customer where merged_into = ?1"
                                + " union select c.id from customer c join d on c.merged_into = d.id) select id from d")
                .setParameter(1, id)
                .getResultList();
        List<UUID> ids = rows.stream()
                .map(r -> r instanceof UUID u ? u : UUID.fromString(r.toString()))
                .toList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("select id from customer where id in (?1) order by id for update")
                    .setParameter(1, ids)
                    .getResultList();
        }
        return ids;
    }

    /** Removes the personal properties an older release wrote into still unsent events about these customers. */
    @SuppressWarnings("unchecked")
    private void scrubUnsent(List<String> subjects) {
        List<Object[]> rows = em.createNativeQuery(
                        "select cast(id as text), payload from rapport_outbox where subject in (?1)"
                                + " and sent_at is null for update")
                .setParameter(1, subjects)
                .getResultList();
        for (Object[] row : rows) {
            String scrubbed = scrub((String) row[1]);
            if (scrubbed != null) {
                em.createNativeQuery("update rapport_outbox set payload = ?2 where id = cast(?1 as uuid)")
                        .setParameter(1, row[0])
                        .setParameter(2, scrubbed)
                        .executeUpdate();
            }
        }
    }

    /** The payload without personal properties (at the top and in {@code customer}), or null when it had none. */
    String scrub(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            boolean changed = strip(node);
            if (node.path("customer").isObject()) {
                changed |= strip(node.get("customer"));
            }
            return changed ? json.writeValueAsString(node) : null;
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static boolean strip(JsonNode node) {
        if (!(node instanceof ObjectNode o)) {
            return false;
        }
        boolean changed = false;
        for (String field : LEGACY_PERSONAL) {
            changed |= o.remove(field) != null;
        }
        return changed;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
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
        c.birthDate = null;
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
        c.tags.clear();
        c.erasedAt = now;
        c.touch(now);
    }
}
