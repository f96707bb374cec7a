package io.rapport.customer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Remembers which id a creating POST with an {@code Idempotency-Key} produced, per scope (e.g. "customer"). */
@ApplicationScoped
public class IdempotencyKeys {
    private final EntityManager em;
    private final Clock clock;

    public IdempotencyKeys(EntityManager em, Clock clock) {
        this.clock = clock;
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public Optional<UUID> find(String scope, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        List<UUID> ids = em.createNativeQuery(
                        "select result_id from idempotency_key where scope = ?1 and idem_key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key.trim())
                .getResultList();
        return ids.stream().findFirst();
    }

    public void remember(String scope, String key, UUID resultId) {
        if (key == null || key.isBlank()) {
            return;
        }
        em.createNativeQuery(
                        "insert into idempotency_key (scope, idem_key, result_id, created_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, scope)
                .setParameter(2, key.trim())
                .setParameter(3, resultId)
                .setParameter(4, clock.instant())
                .executeUpdate();
    }
}
