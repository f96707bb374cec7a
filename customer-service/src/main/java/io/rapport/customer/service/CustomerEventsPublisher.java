package io.rapport.customer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerStatusChanged;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.customer.model.CustomerView;
import io.rapport.platform.audit.Audit;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Writes the customer lifecycle events after registration (which is {@link io.rapport.customer.registration.RegistrationStore}'s) into the outbox, inside the caller's transaction, and records each change in
 * the audit trail (the changed fields before and after, who, from which request). The session is flushed first so
 * the snapshot carries the new version.
 */
@ApplicationScoped
public class CustomerEventsPublisher {
    private static final Set<String> NOT_A_CHANGE = Set.of("version", "updatedAt");

    private final Outbox outbox;
    private final CustomerProfiles profiles;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Audit audit;

    public CustomerEventsPublisher(
            Outbox outbox, CustomerProfiles profiles, EntityManager em, ObjectMapper json, Audit audit) {
        this.outbox = outbox;
        this.profiles = profiles;
        this.em = em;
        this.json = json;
        this.audit = audit;
    }

    /** {@link #updated(Customer, CustomerView, String)} of the customer record itself. */
    public CustomerView updated(Customer c, CustomerView before) {
        return updated(c, before, "customer");
    }

    /**
     * Publishes CustomerUpdated naming the top-level fields that differ from {@code before}, and records them in the
     * audit trail as a change of {@code auditedEntity} (customer, preference, merge...).
     *
     * @return the view after the change
     */
    public CustomerView updated(Customer c, CustomerView before, String auditedEntity) {
        em.flush();
        CustomerView after = profiles.view(c);
        List<String> changed = changedFields(before, after);
        if (!changed.isEmpty()) {
            outbox.publish(CustomerEvents.UPDATED, c.id, new CustomerUpdated(profiles.snapshot(c), changed));
            audit.change(auditedEntity, c.id, c.id, "UPDATE", before, after);
        }
        return after;
    }

    public void statusChanged(Customer c, CustomerStatus from, String reason, Instant now) {
        outbox.publish(
                CustomerEvents.STATUS_CHANGED,
                c.id,
                new CustomerStatusChanged(c.id.toString(), from.name(), c.status.name(), reason, now));
    }

    private List<String> changedFields(CustomerView before, CustomerView after) {
        JsonNode a = json.valueToTree(before);
        JsonNode b = json.valueToTree(after);
        List<String> changed = new ArrayList<>();
        Iterator<String> names = b.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!NOT_A_CHANGE.contains(name) && !b.get(name).equals(a.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }
}
