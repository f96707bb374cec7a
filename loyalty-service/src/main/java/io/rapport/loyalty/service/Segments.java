package io.rapport.loyalty.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The customer's current class per segmentation scheme, as {@code SCHEME:CLASS} labels. */
@ApplicationScoped
public class Segments {
    private final EntityManager em;

    public Segments(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public Set<String> of(UUID customerId) {
        if (customerId == null) {
            return Set.of();
        }
        List<Object[]> rows = em.createNativeQuery(
                        "select scheme, class_label from customer_segment where customer_id = ?1")
                .setParameter(1, customerId)
                .getResultList();
        return rows.stream().map(r -> r[0] + ":" + r[1]).collect(Collectors.toSet());
    }

    /** Records the class; an older change than the stored one is ignored. */
    public void set(UUID customerId, String scheme, String classLabel, Instant at) {
        em.createNativeQuery(
                        "insert into customer_segment (customer_id, scheme, class_label, changed_at) values (?1, ?2, ?3, ?4)"
                                + " on conflict (customer_id, scheme) do update set class_label = excluded.class_label,"
                                + " changed_at = excluded.changed_at where customer_segment.changed_at <= excluded.changed_at")
                .setParameter(1, customerId)
                .setParameter(2, scheme)
                .setParameter(3, classLabel)
                .setParameter(4, at)
                .executeUpdate();
    }
}
