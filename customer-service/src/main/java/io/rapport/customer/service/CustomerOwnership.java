package io.rapport.customer.service;

import io.rapport.platform.identity.Ownership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Owners for the {@code @Allow(owner = ...)} rules of customer-service: a customer is owned by its {@code ownerId}. */
@ApplicationScoped
public class CustomerOwnership implements Ownership {
    public static final String CUSTOMER = "customer";

    private final EntityManager em;

    public CustomerOwnership(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Owner> ownerOf(String object, String id) {
        if (!CUSTOMER.equals(object)) {
            throw new IllegalStateException("customer-service knows no owner of a " + object);
        }
        UUID customerId = UUID.fromString(id);
        List<Object[]> rows = em.createQuery("select c.id, c.ownerId from Customer c where c.id = :id", Object[].class)
                .setParameter("id", customerId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Owner((String) rows.get(0)[1]));
    }
}
