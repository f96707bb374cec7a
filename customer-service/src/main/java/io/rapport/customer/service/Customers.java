package io.rapport.customer.service;

import io.rapport.customer.config.CustomerConfig;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.customer.domain.Dormancy;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Loads customers for reading or changing; MERGED and ERASED records cannot be changed. */
@ApplicationScoped
public class Customers {
    private final CustomerEventsPublisher events;
    private final EntityManager em;
    private final Dormancy dormancy;

    public Customers(CustomerEventsPublisher events, EntityManager em, CustomerConfig config) {
        this.events = events;
        this.em = em;
        this.dormancy = new Dormancy(config.dormantAfter());
    }

    public Customer find(UUID id) {
        Customer c = Customer.findById(id);
        if (c == null) {
            throw ProblemException.notFound("customer", id);
        }
        return c;
    }

    /**
     * A customer that may change, locked for the rest of the transaction: 404 when unknown, 409 when merged
     * (naming the survivor) or erased.
     */
    public Customer changeable(UUID id) {
        Customer c = locked(id);
        if (c == null) {
            throw ProblemException.notFound("customer", id);
        }
        if (c.status == CustomerStatus.MERGED) {
            throw ProblemException.conflict(
                    "customer-merged",
                    "customer " + id + " was merged into " + c.mergedInto,
                    Map.of("survivorId", c.mergedInto.toString()));
        }
        if (c.status == CustomerStatus.ERASED) {
            throw ProblemException.conflict("customer-erased", "customer " + id + " was erased", Map.of());
        }
        return c;
    }

    /**
     * Loads the customer after locking its row ({@code FOR UPDATE}) with plain SQL: Hibernate's own
     * pessimistic lock also follow-on locks the tag collection and fails on customers without tags.
     *
     * @return null when there is no such customer
     */
    public Customer locked(UUID id) {
        if (em.createNativeQuery("select id from customer where id = ?1 for update")
                .setParameter(1, id)
                .getResultList()
                .isEmpty()) {
            return null;
        }
        return Customer.findById(id);
    }

    /**
     * Records activity at {@code at} (never moving it backwards); a DORMANT or ARCHIVED customer with new
     * activity is ACTIVE again, but activity older than the dormancy period (a back-dated purchase) is history
     * and wakes nobody ({@link Dormancy}).
     */
    public void activity(Customer c, Instant at, Instant now) {
        Dormancy.Activity activity = dormancy.activity(c.status, c.lastActivityAt, at, now);
        CustomerStatus from = c.status;
        c.lastActivityAt = activity.lastActivityAt();
        c.status = activity.status();
        if (activity.reactivated()) {
            events.statusChanged(c, from, "new activity", now);
        }
        c.touch(now);
    }
}
