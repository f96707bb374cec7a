package io.rapport.engagement.service;

import io.rapport.platform.identity.Ownership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Owners for the {@code @Allow(owner = ...)} rules of engagement-service: a contact (follow-up) and a complaint
 * belong to their assignee, a customer to its owner (account manager, from customer.events).
 */
@ApplicationScoped
public class EngagementOwnership implements Ownership {
    public static final String CONTACT = "contact";
    public static final String COMPLAINT = "complaint";
    public static final String CUSTOMER = "customer";

    private final EntityManager em;

    public EngagementOwnership(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Owner> ownerOf(String object, String id) {
        String sql = switch (object) {
            case CONTACT -> "select assignee_id from contact where id = ?1";
            case COMPLAINT -> "select assignee_id from complaint where id = ?1";
            case CUSTOMER -> "select owner_id from customer_profile where customer_id = ?1";
            default -> throw new IllegalStateException("engagement-service knows no owner of a " + object);
        };
        @SuppressWarnings("unchecked")
        List<Object> rows =
                em.createNativeQuery(sql).setParameter(1, UUID.fromString(id)).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Owner((String) rows.get(0)));
    }
}
